//! Edits: every change a therapist makes to a plan, as a pure function from one plan to the next.
//! An edit whose result is not a valid plan (`Plan::validate`: a block outside 00:00–24:00, an
//! end before its start, no days or more than seven, a text too long, a year out of range, ...)
//! is refused with the message of the field it breaks; nothing is half-applied. Overlaps and
//! other clinical problems are *allowed*: the checker reports them.

pub use super::kap::{place_kap, KapTarget};
use super::limits::MIN_BLOCK_MINUTES;
use super::model::{
    sort_small, Attendees, Block, BlockId, BlockKind, Day, KapRecord, Member, Plan, Settings, Team,
    Time,
};
use super::text::Lang;
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
    /// Moves a block to a day and start time, keeping its length; with `lane`, from one
    /// person's lane to another's (`Attendees::moved`).
    MoveBlock {
        id: BlockId,
        day: usize,
        start: Time,
        lane: Option<(Member, Member)>,
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
    /// Names the care team; a co-therapist or sober monitor no longer named leaves every block.
    SetTeam(Team),
    /// The language of everything the couple reads.
    SetLanguage(Lang),
    /// The couple's home time zone (`None`: their device's), an IANA name.
    SetCoupleZone(Option<String>),
    SetSettings(Settings),
    /// The KAP records (boxed: they are large beside the other edits).
    SetKap(Box<KapRecord>),
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
        Edit::MoveBlock {
            id,
            day,
            start,
            lane,
        } => {
            let mut block = take_block(&mut next, *id)?.1;
            if let Some((from, to)) = lane {
                block.attendees = block.attendees.moved(*from, *to);
            }
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
        Edit::SetLanguage(lang) => next.language = *lang,
        Edit::SetCoupleZone(zone) => {
            next.couple_zone = zone
                .as_deref()
                .map(str::trim)
                .filter(|z| !z.is_empty())
                .map(str::to_string)
        }
        Edit::SetTeam(team) => {
            next.team = Team {
                therapist: team.therapist.trim().to_string(),
                co_therapist: team.co_therapist.trim().to_string(),
                sober_monitor: team.sober_monitor.trim().to_string(),
            };
            for day in &mut next.days {
                for block in &mut day.blocks {
                    for member in [Member::CoTherapist, Member::SoberMonitor] {
                        if !next.team.has(member) {
                            block.attendees = block.attendees.without(member);
                        }
                    }
                }
            }
        }
        Edit::SetSettings(settings) => {
            // A value changed away from its profile makes the profile the therapist's own.
            next.settings = Settings {
                profile: settings.checked_profile(),
                ..*settings
            }
        }
        Edit::SetKap(record) => {
            let doses_changed = record.doses != next.kap.doses;
            next.kap = KapRecord::clone(record);
            if doses_changed {
                // The bundle's shape follows who doses and how: place it again where it is.
                next = super::kap::replace(&next)?.plan;
            }
        }
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

pub(crate) fn sort_day(day: &mut Day) {
    sort_small(&mut day.blocks, |a, b| a.in_order_after(b));
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
