//! The functional core: plain data and pure functions. No browser types, no signals, no I/O.
//! Everything here is tested natively with `cargo test`.

pub mod catalog;
pub mod edit;
pub mod form;
pub mod grid;
pub mod ics;
pub mod kap;
pub mod limits;
pub mod model;
pub mod preview;
pub mod readiness;
pub mod rules;
pub mod template;
pub mod text;
pub mod valid;
pub mod words;
