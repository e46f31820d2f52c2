//! The couple's share page (`share.html`): a small entry that opens a share link, with none of
//! the therapist's editor in it. The view lives in the library (`view::SharePage`).

fn main() {
    leptos::mount::mount_to_body(intensive_planner::view::SharePage);
}
