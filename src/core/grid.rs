//! The time grid's geometry, as plain data: the hours it spans, a lane per person, which lanes
//! a block fills, snapping, and what a drop would overlap. The view draws it; nothing here
//! knows the DOM, so the grid's arithmetic is tested natively.

use super::model::{plan_members, Attendees, Block, BlockId, Member, Plan, Time};
use super::rules::clash;

/// The plan's lanes, in order: the couple (or the client), then the care team it has.
pub fn lanes(plan: &Plan) -> Vec<Member> {
    plan_members(&plan.participants, &plan.team)
}

/// The minutes the grid spans, in whole hours: from the earliest day start (or an earlier
/// block) to the latest day end (or a later block).
pub fn hours(plan: &Plan) -> (u16, u16) {
    let blocks = plan.blocks();
    let (mut first, mut last) = (plan.day_start.minutes(), plan.day_end.minutes());
    for (_, block) in blocks {
        first = first.min(block.start.minutes());
        last = last.max(block.end.minutes());
    }
    (
        first / 60 * 60,
        last.div_ceil(60).saturating_mul(60).min(24 * 60),
    )
}

/// The runs of neighbouring lanes a block's people fill, each as (first lane, number of
/// lanes), left to right. A joint block is one run; partner A with the therapist is two when
/// partner B's lane lies between them.
pub fn runs(attendees: Attendees, lanes: &[Member]) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (index, member) in lanes.iter().enumerate() {
        if !attendees.contains(*member) {
            continue;
        }
        match runs.last_mut() {
            Some((first, count)) if *first + *count == index => *count += 1,
            _ => runs.push((index, 1)),
        }
    }
    runs
}

/// `minutes` snapped to the nearest multiple of `step` (a step of 0 leaves it as it is).
pub fn snap(minutes: i32, step: u16) -> i32 {
    let step = i32::from(step);
    if step == 0 {
        return minutes;
    }
    (minutes + step / 2).div_euclid(step) * step
}

/// Where a dragged block would land, before it drops.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Landing {
    pub day: usize,
    pub start: Time,
    pub end: Time,
    pub attendees: Attendees,
    /// The blocks it would overlap, with the people who would be in both.
    pub clashes: Vec<(BlockId, Attendees)>,
}

/// The landing of block `id` moved to `day` at `start` (keeping its length), or with its end
/// at `end` when resized, and moved from one person's lane to another's. `None` when it would
/// leave the day (before 00:00 or past 24:00, or shorter than it may be).
pub fn landing(
    plan: &Plan,
    id: BlockId,
    day: usize,
    start: i32,
    end: i32,
    lane: Option<(Member, Member)>,
) -> Option<Landing> {
    let (_, block) = plan.find_block(id)?;
    let min_end = start + i32::from(super::limits::MIN_BLOCK_MINUTES);
    if day >= plan.days.len() || start < 0 || end < min_end || end > 24 * 60 {
        return None;
    }
    let start = Time::from_minutes(u16::try_from(start).ok()?)?;
    let end = Time::from_minutes(u16::try_from(end).ok()?)?;
    let attendees = match lane {
        Some((from, to)) => block.attendees.moved(from, to),
        None => block.attendees,
    };
    let moved = Block {
        start,
        end,
        attendees,
        ..block.clone()
    };
    let clashes = plan.days[day]
        .blocks
        .iter()
        .filter(|b| b.id != id && b.start < end && start < b.end)
        .map(|b| (b.id, clash(&moved, b)))
        .filter(|(_, who)| !who.is_empty())
        .collect();
    Some(Landing {
        day,
        start,
        end,
        attendees,
        clashes,
    })
}

/// Which way a keyboard move between lanes goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Toward {
    Previous,
    Next,
}

/// The keyboard's lane move: the block's first client (in lane order) moves to the nearest
/// client lane that way that is not in the block yet. `None` when there is none (a joint
/// block, or the last lane already).
pub fn next_client_lane(
    attendees: Attendees,
    lanes: &[Member],
    toward: Toward,
) -> Option<(Member, Member)> {
    let clients: Vec<Member> = lanes.iter().copied().filter(|m| m.is_client()).collect();
    let at = clients.iter().position(|m| attendees.contains(*m))?;
    let free = |m: &&Member| !attendees.contains(**m);
    let to = match toward {
        Toward::Next => clients[at + 1..].iter().find(free),
        Toward::Previous => clients[..at].iter().rev().find(free),
    };
    to.map(|to| (clients[at], *to))
}
