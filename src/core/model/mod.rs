//! The plan model: plain data, no browser types, no I/O. Split along its seams: times and dates,
//! people, blocks and days, the KAP records, and the plan. Everything is re-exported here, so
//! `core::model::Plan` and the rest keep their paths.

mod block;
mod kap;
mod people;
mod plan;
mod time;

pub use block::*;
pub use kap::*;
pub use people::*;
pub use plan::*;
pub use time::*;
