//! Blocks of the agenda: their kinds, and the days that hold them.

use super::{Attendees, Time};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    CheckIn,
    JointSession,
    IndividualSession,
    KapPreparation,
    VitalsCheck,
    KapDosing,
    Rest,
    KapIntegration,
    Break,
    Lunch,
    /// Any other meal or a snack (new in format 4): it counts for fasting like lunch.
    Meal,
    Reflection,
    Closing,
}

impl BlockKind {
    pub const ALL: [BlockKind; 13] = [
        BlockKind::CheckIn,
        BlockKind::JointSession,
        BlockKind::IndividualSession,
        BlockKind::KapPreparation,
        BlockKind::VitalsCheck,
        BlockKind::KapDosing,
        BlockKind::Rest,
        BlockKind::KapIntegration,
        BlockKind::Break,
        BlockKind::Lunch,
        BlockKind::Meal,
        BlockKind::Reflection,
        BlockKind::Closing,
    ];

    /// The stable snake_case name used in files and links.
    pub fn code(self) -> &'static str {
        match self {
            BlockKind::CheckIn => "check_in",
            BlockKind::JointSession => "joint_session",
            BlockKind::IndividualSession => "individual_session",
            BlockKind::KapPreparation => "kap_preparation",
            BlockKind::VitalsCheck => "vitals_check",
            BlockKind::KapDosing => "kap_dosing",
            BlockKind::Rest => "rest",
            BlockKind::KapIntegration => "kap_integration",
            BlockKind::Break => "break",
            BlockKind::Lunch => "lunch",
            BlockKind::Meal => "meal",
            BlockKind::Reflection => "reflection",
            BlockKind::Closing => "closing",
        }
    }

    pub fn from_code(code: &str) -> Option<BlockKind> {
        BlockKind::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// The label the therapist sees.
    pub fn label(self) -> &'static str {
        match self {
            BlockKind::CheckIn => "Check-in",
            BlockKind::JointSession => "Joint session",
            BlockKind::IndividualSession => "Individual session",
            BlockKind::KapPreparation => "KAP preparation",
            BlockKind::VitalsCheck => "Vitals check",
            BlockKind::KapDosing => "KAP dosing",
            BlockKind::Rest => "Rest and recovery",
            BlockKind::KapIntegration => "KAP integration",
            BlockKind::Break => "Break",
            BlockKind::Lunch => "Lunch",
            BlockKind::Meal => "Meal or snack",
            BlockKind::Reflection => "Reflection and homework",
            BlockKind::Closing => "Closing",
        }
    }

    /// Part of the KAP bundle (preparation, vitals, dosing, recovery, integration).
    pub fn is_kap(self) -> bool {
        matches!(
            self,
            BlockKind::KapPreparation
                | BlockKind::VitalsCheck
                | BlockKind::KapDosing
                | BlockKind::Rest
                | BlockKind::KapIntegration
        )
    }

    /// Active therapy: what counts towards a day's load. The dosing itself is not (the person
    /// rests with an eye mask and music), nor are vitals checks, rest, breaks and reflection.
    pub fn is_active(self) -> bool {
        matches!(
            self,
            BlockKind::CheckIn
                | BlockKind::JointSession
                | BlockKind::IndividualSession
                | BlockKind::KapPreparation
                | BlockKind::KapIntegration
                | BlockKind::Closing
        )
    }

    /// A meal: what the fasting before a dose rules out.
    pub fn is_meal(self) -> bool {
        matches!(self, BlockKind::Lunch | BlockKind::Meal)
    }

    /// Time off: breaks and meals.
    pub fn is_pause(self) -> bool {
        matches!(self, BlockKind::Break | BlockKind::Lunch | BlockKind::Meal)
    }
}

/// A block's id: unique within its plan and stable across edits.
pub type BlockId = u32;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Block {
    pub id: BlockId,
    pub start: Time,
    pub end: Time,
    pub kind: BlockKind,
    pub title: String,
    pub attendees: Attendees,
    /// Clinician-only: never shown to the couple, never shared.
    pub notes: String,
    /// The participants must travel for this block (it is away from the practice).
    pub travel: bool,
}

impl Block {
    pub fn minutes(&self) -> u16 {
        self.end.minutes().saturating_sub(self.start.minutes())
    }

    /// A day's order: by start, then end, then id. True when this block comes after `other`.
    pub fn in_order_after(&self, other: &Block) -> bool {
        (self.start, self.end, self.id) > (other.start, other.end, other.id)
    }
}

/// The block ids seen so far, to find one that appears twice (a sorted list: a plan holds at
/// most 700 blocks, and a hash set would cost kilobytes of wasm for that).
#[derive(Default)]
pub struct IdSet(Vec<BlockId>);

impl IdSet {
    /// Adds the id; false when it was already there.
    pub fn insert(&mut self, id: BlockId) -> bool {
        match self.0.binary_search(&id) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, id);
                true
            }
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Day {
    /// Kept sorted by start time.
    pub blocks: Vec<Block>,
}
