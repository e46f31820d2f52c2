//! Who an intensive is for: the format, the participants, a person, and who attends a block.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Couples,
    Individual,
}

/// Who the intensive is for. The format follows from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Participants {
    Couple {
        partner_a: String,
        partner_b: String,
    },
    Individual {
        client: String,
    },
}

impl Participants {
    pub fn format(&self) -> Format {
        match self {
            Participants::Couple { .. } => Format::Couples,
            Participants::Individual { .. } => Format::Individual,
        }
    }

    /// "Alex & Sam" or "Jo".
    pub fn names(&self) -> String {
        match self {
            Participants::Couple {
                partner_a,
                partner_b,
            } => format!("{partner_a} & {partner_b}"),
            Participants::Individual { client } => client.clone(),
        }
    }

    /// The people in this plan: partners A and B, or the client.
    pub fn people(&self) -> &'static [Person] {
        match self {
            Participants::Couple { .. } => &[Person::PartnerA, Person::PartnerB],
            Participants::Individual { .. } => &[Person::Client],
        }
    }

    /// Everyone who attends a joint block: both partners, or the client.
    pub fn everyone(&self) -> Attendees {
        match self {
            Participants::Couple { .. } => Attendees::Both,
            Participants::Individual { .. } => Attendees::Client,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Attendees {
    Both,
    PartnerA,
    PartnerB,
    Client,
}

impl Attendees {
    pub const ALL: [Attendees; 4] = [
        Attendees::Both,
        Attendees::PartnerA,
        Attendees::PartnerB,
        Attendees::Client,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Attendees::Both => "both",
            Attendees::PartnerA => "partner_a",
            Attendees::PartnerB => "partner_b",
            Attendees::Client => "client",
        }
    }

    pub fn from_code(code: &str) -> Option<Attendees> {
        Attendees::ALL.into_iter().find(|a| a.code() == code)
    }

    /// Whether someone attends both: the same people, or everyone and anyone.
    pub fn shares(self, other: Attendees) -> bool {
        self == other || self == Attendees::Both || other == Attendees::Both
    }

    /// Whether these attendees make sense for the participants (no "partner A" for an individual).
    pub fn fits(self, participants: &Participants) -> bool {
        match participants {
            Participants::Couple { .. } => self != Attendees::Client,
            Participants::Individual { .. } => self == Attendees::Client,
        }
    }

    /// Names the people attending, e.g. "Alex & Sam", "Alex".
    pub fn describe(self, participants: &Participants) -> String {
        match (self, participants) {
            (
                Attendees::Both,
                Participants::Couple {
                    partner_a,
                    partner_b,
                },
            ) => format!("{partner_a} & {partner_b}"),
            (Attendees::PartnerA, Participants::Couple { partner_a, .. }) => partner_a.clone(),
            (Attendees::PartnerB, Participants::Couple { partner_b, .. }) => partner_b.clone(),
            (_, Participants::Individual { client }) => client.clone(),
            (Attendees::Client, Participants::Couple { .. }) => "Client".to_string(),
        }
    }
}

/// A person in the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Person {
    PartnerA,
    PartnerB,
    Client,
}

impl Person {
    pub fn code(self) -> &'static str {
        match self {
            Person::PartnerA => "partner_a",
            Person::PartnerB => "partner_b",
            Person::Client => "client",
        }
    }

    pub fn from_code(code: &str) -> Option<Person> {
        [Person::PartnerA, Person::PartnerB, Person::Client]
            .into_iter()
            .find(|p| p.code() == code)
    }

    /// The attendees of a block for this person alone.
    pub fn alone(self) -> Attendees {
        match self {
            Person::PartnerA => Attendees::PartnerA,
            Person::PartnerB => Attendees::PartnerB,
            Person::Client => Attendees::Client,
        }
    }

    pub fn name(self, participants: &Participants) -> String {
        match (self, participants) {
            (Person::PartnerA, Participants::Couple { partner_a, .. }) => partner_a.clone(),
            (Person::PartnerB, Participants::Couple { partner_b, .. }) => partner_b.clone(),
            (_, Participants::Individual { client }) => client.clone(),
            (Person::Client, Participants::Couple { .. }) => "the client".to_string(),
        }
    }
}

/// Whether two typed names name the same person: spaces around them and the case of ASCII
/// letters do not count (Unicode case tables would cost kilobytes of wasm for a rare miss).
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}
