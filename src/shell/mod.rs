//! The shell: storage and codecs. It turns the core's plain data into bytes and back.

pub mod backup;
pub mod browser;
pub mod format;
pub mod share;
pub mod storage;
