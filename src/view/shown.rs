//! What the agenda shows, held as one signal per day and one per block, and patched after every
//! change of the plan, its findings or the view: only the signals whose value differs are set.
//!
//! Why not a memo per block derived from the plan: each change of the plan then visits every
//! node downstream of it (each block's memo, and each text, class and place drawn from it),
//! which on a 7-day plan of 150 blocks cost more than the frame (measured with `make bench`). A
//! patch visits one node, and wakes only the rows an edit changed; this is what a keyed store's
//! patch does, written for the two shapes the agenda needs.

use super::editor::{use_editing, AgendaView};
use super::grid::{self, Geometry};
use crate::core::model::{Block, BlockId, Plan};
use crate::core::rules::{Finding, Severity};
use chrono::NaiveDate;
use leptos::prelude::*;
use std::collections::HashMap;

/// What a day section shows apart from its blocks (its date, and whether it may be removed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayKey {
    pub date: NaiveDate,
    pub removable: bool,
}

/// What a block's row shows: the block, its people by name, its errors and warnings, and its
/// place in the grid (none in the list).
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub block: Block,
    pub who: String,
    pub marks: Vec<(Severity, String)>,
    pub place: Option<grid::Position>,
}

#[derive(Clone, Copy)]
pub struct Shown {
    /// The days, in order.
    pub days: RwSignal<Vec<DayKey>>,
    /// Each day's block ids, in the day's order.
    ids: StoredValue<Vec<RwSignal<Vec<BlockId>>>>,
    /// Each block's row, by id. A row outlives its block (undo may bring it back); the rows go
    /// with the agenda.
    rows: StoredValue<HashMap<BlockId, RwSignal<Row>>>,
    /// The agenda's owner, which owns every signal made here (not the effect's run, which would
    /// drop them at its next run).
    owner: StoredValue<Owner>,
}

impl Shown {
    /// The agenda's shown days and rows, patched from now on whenever the plan, its findings,
    /// the grid's geometry or the view change.
    pub fn follow(geometry: Memo<Geometry>) -> Shown {
        let editing = use_editing();
        let shown = Shown {
            days: RwSignal::new(Vec::new()),
            ids: StoredValue::new(Vec::new()),
            rows: StoredValue::new(HashMap::new()),
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
        };
        let patch = move || {
            let view = editing.view.get();
            editing.plan.with(|plan| {
                editing.findings.with(|findings| {
                    geometry.with(|g| shown.patch(plan.as_ref(), findings, g, view))
                })
            })
        };
        // Once now, so the first drawing has its rows; then after every change.
        untrack(patch);
        Effect::new(move |_| patch());
        shown
    }

    /// The day's block ids (none for a day that is gone).
    pub fn ids(&self, day: usize) -> Vec<BlockId> {
        let signal = self.ids.with_value(|ids| ids.get(day).copied());
        signal.map(|s| s.get()).unwrap_or_default()
    }

    /// The block's row, if the agenda has shown it.
    pub fn row(&self, id: BlockId) -> Option<RwSignal<Row>> {
        self.rows.with_value(|rows| rows.get(&id).copied())
    }

    fn patch(&self, plan: Option<&Plan>, findings: &[Finding], g: &Geometry, view: AgendaView) {
        let days: &[_] = plan.map_or(&[], |p| &p.days);
        let keys = plan.map_or_else(Vec::new, |plan| {
            (0..days.len())
                .map(|index| DayKey {
                    date: plan.date_of(index),
                    removable: days.len() > 1,
                })
                .collect()
        });
        let mut marks: HashMap<BlockId, Vec<(Severity, String)>> = HashMap::new();
        for f in findings.iter().filter(|f| f.severity != Severity::Info) {
            for id in &f.blocks {
                marks
                    .entry(*id)
                    .or_default()
                    .push((f.severity, f.message.clone()));
            }
        }
        // Rows first, so that a block a day's list gains has its row when it is drawn.
        for block in days.iter().flat_map(|d| &d.blocks) {
            let row = Row {
                block: block.clone(),
                who: g.describe(block.attendees),
                marks: marks.remove(&block.id).unwrap_or_default(),
                place: (view == AgendaView::Grid).then(|| grid::place(block, g)),
            };
            if let Some(made) = self.patch_one(self.row(block.id), row) {
                self.rows.update_value(|rows| {
                    rows.insert(block.id, made);
                });
            }
        }
        let count = self.ids.with_value(Vec::len).max(days.len());
        for index in 0..count {
            let ids: Vec<BlockId> = days
                .get(index)
                .map(|d| d.blocks.iter().map(|b| b.id).collect())
                .unwrap_or_default();
            let signal = self.ids.with_value(|all| all.get(index).copied());
            if let Some(made) = self.patch_one(signal, ids) {
                self.ids.update_value(|all| all.push(made));
            }
        }
        self.patch_one(Some(self.days), keys);
    }

    /// Sets a shown signal to a value when it differs. With no signal yet, makes one (owned by
    /// the agenda) and returns it.
    fn patch_one<T>(&self, signal: Option<RwSignal<T>>, value: T) -> Option<RwSignal<T>>
    where
        T: PartialEq + Send + Sync + 'static,
    {
        match signal {
            Some(signal) => {
                if signal.with_untracked(|shown| *shown != value) {
                    signal.set(value);
                }
                None
            }
            None => Some(
                self.owner
                    .with_value(|owner| owner.with(|| RwSignal::new(value))),
            ),
        }
    }
}
