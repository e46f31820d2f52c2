pub mod core;
pub mod shell;
pub mod view;
