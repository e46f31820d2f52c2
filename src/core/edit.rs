//! Edits: every change a therapist makes to a plan, as a pure function from one plan to the next.
//! An edit whose result is not a valid plan (`Plan::validate`: a block outside 00:00–24:00, an
//! end before its start, no days or more than seven, a text too long, a year out of range, ...)
//! is refused with the message of the field it breaks; nothing is half-applied. Overlaps and
//! other clinical problems are *allowed*: the checker reports them.

use super::limits::MIN_BLOCK_MINUTES;
use super::model::{Attendees, Block, BlockId, BlockKind, Day, KapRecord, Plan, Settings, Time};
use super::template::{
    kap_bundle, midway_day, one_day_dose_time, INTEGRATION, INTEGRATION_TITLE, PREPARATION, VITALS,
};
use chrono::NaiveDate;
use std::fmt;

/// A block's editable fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockDraft {
    pub kind: BlockKind,
    pub title: String,
    pub attendees: Attendees,
    pub start: Time,
    pub end: Time,
    pub notes: String,
    pub travel: bool,
}

impl BlockDraft {
    pub fn of(block: &Block) -> BlockDraft {
        BlockDraft {
            kind: block.kind,
            title: block.title.clone(),
            attendees: block.attendees,
            start: block.start,
            end: block.end,
            notes: block.notes.clone(),
            travel: block.travel,
        }
    }
}

/// Where to put the KAP session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KapTarget {
    None,
    AtStart,
    Midway,
    /// The dosing starts on this day (0-based) at this time.
    At {
        day: usize,
        dose_at: Time,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    AddBlock {
        day: usize,
        draft: BlockDraft,
    },
    UpdateBlock {
        id: BlockId,
        day: usize,
        draft: BlockDraft,
    },
    DeleteBlock {
        id: BlockId,
    },
    /// Moves a block to a day and start time, keeping its length.
    MoveBlock {
        id: BlockId,
        day: usize,
        start: Time,
    },
    /// Moves a block earlier (negative) or later by some minutes, keeping its length.
    Nudge {
        id: BlockId,
        minutes: i16,
    },
    /// Makes a block longer (positive) or shorter by moving its end.
    Resize {
        id: BlockId,
        minutes: i16,
    },
    DuplicateDay {
        day: usize,
    },
    AddDay,
    RemoveDay {
        day: usize,
    },
    /// Moves the whole intensive to a new first day; its shape stays.
    ShiftStart {
        date: NaiveDate,
    },
    PlaceKap(KapTarget),
    Rename(String),
    SetSettings(Settings),
    SetKap(KapRecord),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditError(pub String);

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn refuse<T>(message: impl Into<String>) -> Result<T, EditError> {
    Err(EditError(message.into()))
}

/// The plan after the edit, or why the edit cannot be made.
pub fn apply(plan: &Plan, edit: &Edit) -> Result<Plan, EditError> {
    let mut next = plan.clone();
    match edit {
        Edit::AddBlock { day, draft } => {
            let id = next.next_block_id();
            day_mut(&mut next, *day)?.blocks.push(block_from(id, draft));
        }
        Edit::UpdateBlock { id, day, draft } => {
            take_block(&mut next, *id)?;
            day_mut(&mut next, *day)?
                .blocks
                .push(block_from(*id, draft));
        }
        Edit::DeleteBlock { id } => {
            take_block(&mut next, *id)?;
        }
        Edit::MoveBlock { id, day, start } => {
            let mut block = take_block(&mut next, *id)?.1;
            let length = block.minutes();
            block.end = start
                .plus(length)
                .ok_or_else(|| EditError("A block cannot run past midnight.".into()))?;
            block.start = *start;
            day_mut(&mut next, *day)?.blocks.push(block);
        }
        Edit::Nudge { id, minutes } => {
            let (day, mut block) = take_block(&mut next, *id)?;
            block.start = shifted(block.start, *minutes)?;
            block.end = shifted(block.end, *minutes)?;
            day_mut(&mut next, day)?.blocks.push(block);
        }
        Edit::Resize { id, minutes } => {
            let (day, mut block) = take_block(&mut next, *id)?;
            let end = shifted(block.end, *minutes)?;
            if end.minutes() < block.start.minutes() + MIN_BLOCK_MINUTES {
                return refuse(format!(
                    "A block lasts at least {MIN_BLOCK_MINUTES} minutes."
                ));
            }
            block.end = end;
            day_mut(&mut next, day)?.blocks.push(block);
        }
        Edit::DuplicateDay { day } => {
            let mut copy = day_mut(&mut next, *day)?.clone();
            for (id, block) in (next.next_block_id()..).zip(copy.blocks.iter_mut()) {
                block.id = id;
            }
            next.days.insert(day + 1, copy);
            shift_rides(&mut next.kap, day + 1, 1);
        }
        Edit::AddDay => next.days.push(Day::default()),
        Edit::RemoveDay { day } => {
            day_mut(&mut next, *day)?;
            next.days.remove(*day);
            next.kap.rides.retain(|r| r.day != *day);
            shift_rides(&mut next.kap, day + 1, -1);
        }
        Edit::ShiftStart { date } => next.start_date = *date,
        Edit::PlaceKap(target) => next = place_kap(&next, *target)?,
        Edit::Rename(title) => next.title = title.trim().to_string(),
        Edit::SetSettings(settings) => next.settings = *settings,
        Edit::SetKap(record) => next.kap = record.clone(),
    }
    for day in &mut next.days {
        sort_day(day);
    }
    next.validate().map_err(|problems| {
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        EditError(messages.join(" "))
    })?;
    Ok(next)
}

fn sort_day(day: &mut Day) {
    day.blocks.sort_unstable_by_key(|b| (b.start, b.end, b.id));
}

fn block_from(id: BlockId, draft: &BlockDraft) -> Block {
    Block {
        id,
        start: draft.start,
        end: draft.end,
        kind: draft.kind,
        title: draft.title.trim().to_string(),
        attendees: draft.attendees,
        notes: draft.notes.clone(),
        travel: draft.travel,
    }
}

fn day_mut(plan: &mut Plan, day: usize) -> Result<&mut Day, EditError> {
    let count = plan.days.len();
    plan.days.get_mut(day).ok_or_else(|| {
        EditError(format!(
            "Day {} is not part of this {count}-day plan.",
            day + 1
        ))
    })
}

/// Removes a block and returns it with its day.
fn take_block(plan: &mut Plan, id: BlockId) -> Result<(usize, Block), EditError> {
    for (index, day) in plan.days.iter_mut().enumerate() {
        if let Some(position) = day.blocks.iter().position(|b| b.id == id) {
            return Ok((index, day.blocks.remove(position)));
        }
    }
    refuse("That block no longer exists.")
}

fn shifted(time: Time, minutes: i16) -> Result<Time, EditError> {
    let moved = i32::from(time.minutes()) + i32::from(minutes);
    u16::try_from(moved)
        .ok()
        .and_then(Time::from_minutes)
        .ok_or_else(|| EditError("A block must stay between 00:00 and 24:00.".into()))
}

fn shift_rides(kap: &mut KapRecord, from_day: usize, by: isize) {
    for ride in &mut kap.rides {
        if ride.day >= from_day {
            ride.day = ride.day.saturating_add_signed(by);
        }
    }
}

// KAP placement -------------------------------------------------------------------------------

/// Removes the whole KAP bundle (preparation, vitals checks, dosing, rest, integration) and, unless
/// the target is `None`, places it again: preparation, vitals, dosing, vitals and rest back to
/// back, then integration right after on the same day if it fits in the daily window, or first
/// thing the next day. Other blocks that collide move later, in order, so nothing overlaps.
pub fn place_kap(plan: &Plan, target: KapTarget) -> Result<Plan, EditError> {
    let mut next = plan.clone();
    for day in &mut next.days {
        day.blocks.retain(|b| !b.kind.is_kap());
    }
    let n = next.days.len();
    let (day, dose_at) = match target {
        KapTarget::None => return Ok(next),
        KapTarget::AtStart => (0, next.day_start.plus(PREPARATION + VITALS)),
        KapTarget::Midway if n == 1 => (0, Some(one_day_dose_time(next.day_start, next.day_end))),
        KapTarget::Midway => (midway_day(n), next.day_start.plus(PREPARATION + VITALS)),
        KapTarget::At { day, dose_at } => (day, Some(dose_at)),
    };
    if day >= n {
        return refuse(format!("Day {} is not part of this {n}-day plan.", day + 1));
    }
    let too_late = || EditError("The KAP session does not fit before midnight on that day.".into());
    let dose_at = dose_at.ok_or_else(too_late)?;
    let who = next.participants.everyone();
    let mut id = next.next_block_id();
    let mut make =
        |kind: BlockKind, title: &str, start: u16, minutes: u16| -> Result<Block, EditError> {
            let block = Block {
                id,
                start: Time::from_minutes(start).ok_or_else(too_late)?,
                end: Time::from_minutes(start + minutes).ok_or_else(too_late)?,
                kind,
                title: title.to_string(),
                attendees: who,
                notes: String::new(),
                travel: false,
            };
            id += 1;
            Ok(block)
        };
    let dose = dose_at.minutes();
    let dosing_minutes = next.settings.dosing_minutes;
    let prep_start = dose.checked_sub(PREPARATION + VITALS).ok_or_else(|| {
        EditError("Preparation and vitals need 75 minutes before the dose.".into())
    })?;
    let mut bundle = Vec::new();
    let mut at = prep_start;
    for (kind, title, minutes) in kap_bundle(dosing_minutes) {
        bundle.push(make(kind, title, at, minutes)?);
        at += minutes;
    }
    let (integration_day, integration_start) =
        if at + INTEGRATION <= next.day_end.minutes() || day + 1 == n {
            (day, at)
        } else {
            (day + 1, next.day_start.minutes())
        };
    let integration = make(
        BlockKind::KapIntegration,
        INTEGRATION_TITLE,
        integration_start,
        INTEGRATION,
    )?;

    let mut fixed_by_day: Vec<(usize, Vec<Block>)> = vec![(day, bundle)];
    if integration_day == day {
        fixed_by_day[0].1.push(integration);
    } else {
        fixed_by_day.push((integration_day, vec![integration]));
    }
    for (index, fixed) in fixed_by_day {
        let movable = std::mem::take(&mut next.days[index].blocks);
        let mut placed = fixed;
        reflow(movable, &mut placed)?;
        next.days[index].blocks = placed;
        sort_day(&mut next.days[index]);
    }
    Ok(next)
}

/// Places each movable block at its own time, or later, after whatever it would collide with.
fn reflow(mut movable: Vec<Block>, placed: &mut Vec<Block>) -> Result<(), EditError> {
    movable.sort_unstable_by_key(|b| (b.start, b.end, b.id));
    for mut block in movable {
        let length = block.minutes();
        let mut start = block.start.minutes();
        while let Some(conflict) = placed
            .iter()
            .filter(|p| p.start.minutes() < start + length && start < p.end.minutes())
            .map(|p| p.end.minutes())
            .max()
        {
            start = conflict;
        }
        block.start = Time::from_minutes(start).ok_or_else(|| {
            EditError(
                "The other sessions do not fit around the KAP session before midnight.".into(),
            )
        })?;
        block.end = Time::from_minutes(start + length).ok_or_else(|| {
            EditError(
                "The other sessions do not fit around the KAP session before midnight.".into(),
            )
        })?;
        placed.push(block);
    }
    Ok(())
}

/// Undo and redo: whole plans, so undoing N edits restores exactly the earlier plan.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    undo: Vec<Plan>,
    redo: Vec<Plan>,
}

/// Steps kept for undo.
pub const HISTORY_LIMIT: usize = 200;

impl History {
    /// Remembers the plan as it was before an edit; a new edit clears what could be redone.
    pub fn record(&mut self, before: Plan) {
        self.undo.push(before);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    pub fn undo(&mut self, current: &Plan) -> Option<Plan> {
        let previous = self.undo.pop()?;
        self.redo.push(current.clone());
        Some(previous)
    }

    pub fn redo(&mut self, current: &Plan) -> Option<Plan> {
        let next = self.redo.pop()?;
        self.undo.push(current.clone());
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}
