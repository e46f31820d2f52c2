//! Clinician-only KAP records: screening, who doses, clearance, rides home, and where KAP goes.

use super::{Participants, Person, Time};
use chrono::NaiveDate;

/// A screening question's answer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Answer {
    #[default]
    Unknown,
    /// Yes: to discuss with the prescriber before dosing.
    Yes,
    /// Yes, and discussed with the prescriber, who agreed to go ahead (new in format 5).
    Discussed,
    No,
}

impl Answer {
    pub const ALL: [Answer; 4] = [Answer::Unknown, Answer::No, Answer::Yes, Answer::Discussed];

    pub fn code(self) -> &'static str {
        match self {
            Answer::Unknown => "unknown",
            Answer::Yes => "yes",
            Answer::Discussed => "yes_discussed",
            Answer::No => "no",
        }
    }

    pub fn from_code(code: &str) -> Option<Answer> {
        Answer::ALL.into_iter().find(|a| a.code() == code)
    }

    /// What the therapist reads in the screening form.
    pub fn label(self) -> &'static str {
        match self {
            Answer::Unknown => "Not yet asked",
            Answer::No => "No",
            Answer::Yes => "Yes: discuss with the prescriber",
            Answer::Discussed => "Yes: discussed, the prescriber agrees",
        }
    }
}

/// Reasons to discuss KAP with the prescriber before dosing (from the domain primer). Never a
/// diagnosis: a "yes" means "talk to the prescriber first".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Contraindication {
    HighBloodPressure,
    HeartDisease,
    Pregnancy,
    Psychosis,
    BipolarMania,
    BrainInjury,
    Glaucoma,
    Epilepsy,
    SubstanceUse,
    CannotAbstain,
    AcuteSuicidality,
    Under18,
    KetamineMisuse,
    VascularDisease,
    Maoi,
    Benzodiazepines,
    Lamotrigine,
    Sedatives,
    Stimulants,
}

/// The screening form's two groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScreeningGroup {
    History,
    Medicines,
}

impl Contraindication {
    pub const COUNT: usize = 19;
    pub const ALL: [Contraindication; Contraindication::COUNT] = [
        Contraindication::HighBloodPressure,
        Contraindication::HeartDisease,
        Contraindication::Pregnancy,
        Contraindication::Psychosis,
        Contraindication::BipolarMania,
        Contraindication::BrainInjury,
        Contraindication::Glaucoma,
        Contraindication::Epilepsy,
        Contraindication::SubstanceUse,
        Contraindication::CannotAbstain,
        Contraindication::AcuteSuicidality,
        Contraindication::Under18,
        Contraindication::KetamineMisuse,
        Contraindication::VascularDisease,
        Contraindication::Maoi,
        Contraindication::Benzodiazepines,
        Contraindication::Lamotrigine,
        Contraindication::Sedatives,
        Contraindication::Stimulants,
    ];

    pub fn group(self) -> ScreeningGroup {
        if self as usize >= Contraindication::Maoi as usize {
            ScreeningGroup::Medicines
        } else {
            ScreeningGroup::History
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Contraindication::HighBloodPressure => "high_blood_pressure",
            Contraindication::HeartDisease => "heart_disease",
            Contraindication::Pregnancy => "pregnancy_or_breastfeeding",
            Contraindication::Psychosis => "psychosis",
            Contraindication::BipolarMania => "bipolar_mania",
            Contraindication::BrainInjury => "brain_injury",
            Contraindication::Glaucoma => "glaucoma",
            Contraindication::Epilepsy => "epilepsy",
            Contraindication::SubstanceUse => "substance_use",
            Contraindication::CannotAbstain => "cannot_abstain_alcohol",
            Contraindication::AcuteSuicidality => "acute_suicidality",
            Contraindication::Under18 => "under_18",
            Contraindication::KetamineMisuse => "ketamine_misuse",
            Contraindication::VascularDisease => "vascular_disease",
            Contraindication::Maoi => "maoi",
            Contraindication::Benzodiazepines => "benzodiazepines",
            Contraindication::Lamotrigine => "lamotrigine",
            Contraindication::Sedatives => "opioids_or_sedatives",
            Contraindication::Stimulants => "stimulants",
        }
    }

    pub fn question(self) -> &'static str {
        match self {
            Contraindication::HighBloodPressure => {
                "Uncontrolled high blood pressure (over 140/90 at the start of a session)"
            }
            Contraindication::HeartDisease => "Heart disease",
            Contraindication::Pregnancy => "Pregnant or breastfeeding",
            Contraindication::Psychosis => "History of psychosis",
            Contraindication::BipolarMania => "History of bipolar mania",
            Contraindication::BrainInjury => {
                "Recent traumatic brain injury or raised intracranial pressure"
            }
            Contraindication::Glaucoma => "Glaucoma",
            Contraindication::Epilepsy => "Recent epilepsy or seizures",
            Contraindication::SubstanceUse => "Active substance use",
            Contraindication::CannotAbstain => "Unable to abstain from alcohol for 24 hours",
            Contraindication::AcuteSuicidality => "Acute suicidal thoughts or a recent attempt",
            Contraindication::Under18 => "Under 18 years old",
            Contraindication::KetamineMisuse => "History of ketamine misuse",
            Contraindication::VascularDisease => {
                "Aneurysmal vascular disease or a past bleed in the brain"
            }
            Contraindication::Maoi => "Takes an MAOI",
            Contraindication::Benzodiazepines => {
                "Takes a benzodiazepine (some prescribers ask for a 24-hour pause)"
            }
            Contraindication::Lamotrigine => "Takes lamotrigine",
            Contraindication::Sedatives => "Takes opioids or other sedatives",
            Contraindication::Stimulants => "Takes stimulants (paused on the dosing day)",
        }
    }
}

/// One participant's screening answers, one per contraindication (in `Contraindication::ALL`
/// order).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Screening(pub [Answer; Contraindication::COUNT]);

impl Screening {
    pub fn answer(&self, item: Contraindication) -> Answer {
        self.0[item as usize]
    }

    pub fn set(&mut self, item: Contraindication, answer: Answer) {
        self.0[item as usize] = answer;
    }
}

/// Who takes the medicine in a couples plan, and how. Published approaches differ and the
/// evidence is thin, so this is the clinician's explicit choice: a new couples plan starts with
/// `NotChosen`, which the checker flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Doses {
    #[default]
    NotChosen,
    /// Partner A doses; partner B is present, sober, in a supporting role.
    PartnerA,
    /// Partner B doses; partner A supports.
    PartnerB,
    /// Both dose at the same time.
    Together,
    /// Both dose; the second dose starts when the first has passed its peak
    /// (`Settings::stagger_minutes` later).
    Staggered,
}

impl Doses {
    pub const ALL: [Doses; 5] = [
        Doses::NotChosen,
        Doses::PartnerA,
        Doses::PartnerB,
        Doses::Together,
        Doses::Staggered,
    ];

    /// The stored code. `both` is what every earlier version wrote for "both partners", and it
    /// keeps that meaning: both together.
    pub fn code(self) -> &'static str {
        match self {
            Doses::NotChosen => "not_chosen",
            Doses::PartnerA => "partner_a",
            Doses::PartnerB => "partner_b",
            Doses::Together => "both",
            Doses::Staggered => "both_staggered",
        }
    }

    pub fn from_code(code: &str) -> Option<Doses> {
        Doses::ALL.into_iter().find(|d| d.code() == code)
    }

    /// Both partners take the medicine.
    pub fn both(self) -> bool {
        matches!(self, Doses::Together | Doses::Staggered)
    }
}

/// The prescriber's medical clearance, as recorded by the therapist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clearance {
    pub date: NaiveDate,
    pub prescriber: String,
}

/// A pre-dose reading, taken on the dosing day: blood pressure and pulse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading {
    /// 0-based day.
    pub day: usize,
    pub person: Person,
    pub systolic: u16,
    pub diastolic: u16,
    pub pulse: u16,
}

impl Reading {
    /// Over the plan's pre-dose limits (`Settings::systolic_max` and the rest).
    pub fn over_limit(&self, settings: &super::Settings) -> bool {
        self.systolic > settings.systolic_max
            || self.diastolic > settings.diastolic_max
            || self.pulse > settings.pulse_max
    }
}

/// Who drives a dosing participant home on a dosing day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ride {
    /// 0-based day index.
    pub day: usize,
    pub person: Person,
    pub driver: String,
}

/// An integration appointment after the intensive, for a dosing on its last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FollowUp {
    pub date: NaiveDate,
    pub start: Time,
    pub minutes: u16,
}

/// A part of the emergency plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmergencyPart {
    OnCall,
    Department,
    Address,
    Contact(Person),
}

impl EmergencyPart {
    /// Mid-sentence: "the prescriber's on-call number", "an emergency contact for Alex".
    pub fn describe(self, participants: &Participants) -> String {
        match self {
            EmergencyPart::OnCall => "the prescriber's on-call number".to_string(),
            EmergencyPart::Department => "the nearest emergency department".to_string(),
            EmergencyPart::Address => "its address".to_string(),
            EmergencyPart::Contact(person) => {
                format!("an emergency contact for {}", person.name(participants))
            }
        }
    }
}

/// What to do if something goes wrong on a dosing day: the prescriber's on-call number, the
/// nearest emergency department and its address, and an emergency contact for each person who
/// doses. Safety information: it travels to the couple (preview, day cards, share link).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmergencyPlan {
    pub on_call: String,
    pub department: String,
    pub address: String,
    /// An emergency contact for partner A, or the client.
    pub contact_a: String,
    /// An emergency contact for partner B.
    pub contact_b: String,
}

impl EmergencyPlan {
    pub fn contact(&self, person: Person) -> &str {
        match person {
            Person::PartnerB => &self.contact_b,
            _ => &self.contact_a,
        }
    }

    pub fn contact_mut(&mut self, person: Person) -> &mut String {
        match person {
            Person::PartnerB => &mut self.contact_b,
            _ => &mut self.contact_a,
        }
    }

    /// The parts still blank, for these people who dose.
    pub fn missing(&self, dosers: &[Person]) -> Vec<EmergencyPart> {
        let blank = |text: &str| text.trim().is_empty();
        let mut parts = Vec::new();
        for (part, text) in [
            (EmergencyPart::OnCall, &self.on_call),
            (EmergencyPart::Department, &self.department),
            (EmergencyPart::Address, &self.address),
        ] {
            if blank(text) {
                parts.push(part);
            }
        }
        for person in dosers {
            if blank(self.contact(*person)) {
                parts.push(EmergencyPart::Contact(*person));
            }
        }
        parts
    }

    /// Every text, for limits and the plan's text budget.
    pub fn texts(&self) -> [&str; 5] {
        [
            &self.on_call,
            &self.department,
            &self.address,
            &self.contact_a,
            &self.contact_b,
        ]
    }
}

/// Signed consent for KAP: the date each person signed, and for couples the agreement on touch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Consent {
    /// Partner A, or the client.
    pub a: Option<NaiveDate>,
    pub b: Option<NaiveDate>,
    /// The couple agreed on supportive touch during the session.
    pub touch_agreed: bool,
}

impl Consent {
    pub fn date(&self, person: Person) -> Option<NaiveDate> {
        match person {
            Person::PartnerB => self.b,
            _ => self.a,
        }
    }

    pub fn date_mut(&mut self, person: Person) -> &mut Option<NaiveDate> {
        match person {
            Person::PartnerB => &mut self.b,
            _ => &mut self.a,
        }
    }
}

/// Clinician-only KAP records: screening, clearance, who doses, rides home.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KapRecord {
    /// Couples only; an individual client always doses.
    pub doses: Doses,
    /// Partner A's answers, or the client's.
    pub screening_a: Screening,
    /// Partner B's answers (couples).
    pub screening_b: Screening,
    /// The private screen for intimate-partner violence or coercion, asked of each partner
    /// alone (couples; new in format 6). Never shown beside the other partner's name.
    pub private_a: Answer,
    pub private_b: Answer,
    /// The prescriber's clearance of partner A, or the client (per person since format 6).
    pub clearance_a: Option<Clearance>,
    pub clearance_b: Option<Clearance>,
    /// Pre-dose readings on dosing days (new in format 6).
    pub readings: Vec<Reading>,
    pub rides: Vec<Ride>,
    /// Sober monitors present when both partners dose.
    pub sober_monitors: u8,
    /// The prescriber explicitly signed off more than one dosing in this intensive.
    pub multiple_dosings_signed_off: bool,
    /// An integration appointment after the intensive (for a dosing on the last day).
    pub follow_up: Option<FollowUp>,
    /// What to do if something goes wrong (new in format 5).
    pub emergency: EmergencyPlan,
    /// Signed consent and the touch agreement (new in format 5).
    pub consent: Consent,
}

impl KapRecord {
    /// The people who take the medicine. Until the choice is made, both partners count, so
    /// that screening and rides are asked of everyone who might dose.
    pub fn dosers(&self, participants: &Participants) -> Vec<Person> {
        match participants {
            Participants::Individual { .. } => vec![Person::Client],
            Participants::Couple { .. } => match self.doses {
                Doses::PartnerA => vec![Person::PartnerA],
                Doses::PartnerB => vec![Person::PartnerB],
                Doses::NotChosen | Doses::Together | Doses::Staggered => {
                    vec![Person::PartnerA, Person::PartnerB]
                }
            },
        }
    }

    /// The partner who stays sober in a supporting role while the other doses.
    pub fn supporter(&self, participants: &Participants) -> Option<Person> {
        match (participants, self.doses) {
            (Participants::Couple { .. }, Doses::PartnerA) => Some(Person::PartnerB),
            (Participants::Couple { .. }, Doses::PartnerB) => Some(Person::PartnerA),
            _ => None,
        }
    }

    /// Both partners of a couple dose (together or staggered).
    pub fn both_dose(&self, participants: &Participants) -> bool {
        matches!(participants, Participants::Couple { .. }) && self.doses.both()
    }

    pub fn screening(&self, person: Person) -> &Screening {
        match person {
            Person::PartnerB => &self.screening_b,
            _ => &self.screening_a,
        }
    }

    pub fn clearance(&self, person: Person) -> Option<&Clearance> {
        match person {
            Person::PartnerB => self.clearance_b.as_ref(),
            _ => self.clearance_a.as_ref(),
        }
    }

    pub fn clearance_mut(&mut self, person: Person) -> &mut Option<Clearance> {
        match person {
            Person::PartnerB => &mut self.clearance_b,
            _ => &mut self.clearance_a,
        }
    }

    /// The private screen's answer for this partner.
    pub fn private_answer(&self, person: Person) -> Answer {
        match person {
            Person::PartnerB => self.private_b,
            _ => self.private_a,
        }
    }

    pub fn private_mut(&mut self, person: Person) -> &mut Answer {
        match person {
            Person::PartnerB => &mut self.private_b,
            _ => &mut self.private_a,
        }
    }

    /// The reading recorded for this person on this 0-based day.
    pub fn reading(&self, day: usize, person: Person) -> Option<&Reading> {
        self.readings
            .iter()
            .find(|r| r.day == day && r.person == person)
    }
}

/// Where the KAP session goes in a template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KapPlacement {
    None,
    AtStart,
    Midway,
}

impl KapPlacement {
    pub fn code(self) -> &'static str {
        match self {
            KapPlacement::None => "none",
            KapPlacement::AtStart => "start",
            KapPlacement::Midway => "midway",
        }
    }

    pub fn from_code(code: &str) -> Option<KapPlacement> {
        [
            KapPlacement::None,
            KapPlacement::AtStart,
            KapPlacement::Midway,
        ]
        .into_iter()
        .find(|p| p.code() == code)
    }
}
