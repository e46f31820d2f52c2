//! The view: small Leptos components, one concern each. They call the core for every rule and
//! the shell for every byte stored; they never re-implement either.

mod agenda;
mod app;
mod backups;
mod block_form;
mod cards;
mod dom;
mod editor;
mod field;
mod findings;
mod grid;
mod new_plan;
pub mod parts;
mod plan_details;
mod plan_list;
mod plan_page;
mod preview_page;
mod records;
pub mod route;
mod screening;
mod shared;
mod shown;
mod state;
mod thresholds;

pub use agenda::Agenda;
pub use app::App;
pub use editor::EditorScope;
pub use findings::FindingsPanel;
pub use parts::Parts;
pub use shared::SharePage;
pub use state::AppState;
