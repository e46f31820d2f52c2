//! Hash routes (`#/`, `#/new`, `#/plan/<id>`, `…/preview`, `…/cards`, `#/share/<data>`,
//! `#/save-copy`): they work from any static file server and from a file opened offline, and the
//! fragment never reaches a server.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    List,
    New,
    Plan(String),
    /// The couple's view of a stored plan.
    Preview(String),
    /// The printable day cards of a stored plan.
    Cards(String),
    /// A share link: the whole fragment, data included.
    Share(String),
    /// The share page's "Save a copy" arriving (`storage::take_handover`).
    SaveCopy,
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        if hash.starts_with(crate::shell::share::SHARE_PREFIX) {
            return Route::Share(hash.to_string());
        }
        let path = hash.trim_start_matches('#');
        match path.trim_end_matches('/') {
            "/new" => Route::New,
            "/save-copy" => Route::SaveCopy,
            other => {
                let Some(rest) = other.strip_prefix("/plan/") else {
                    return Route::List;
                };
                let (id, page) = rest.split_once('/').unwrap_or((rest, ""));
                if id.is_empty() {
                    return Route::List;
                }
                match page {
                    "" => Route::Plan(id.to_string()),
                    "preview" => Route::Preview(id.to_string()),
                    "cards" => Route::Cards(id.to_string()),
                    _ => Route::List,
                }
            }
        }
    }

    /// The stored plan this route shows, if it shows one.
    pub fn plan_id(&self) -> Option<&str> {
        match self {
            Route::Plan(id) | Route::Preview(id) | Route::Cards(id) => Some(id),
            Route::List | Route::New | Route::Share(_) | Route::SaveCopy => None,
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::List => "#/".to_string(),
            Route::New => "#/new".to_string(),
            Route::SaveCopy => "#/save-copy".to_string(),
            Route::Plan(id) => format!("#/plan/{id}"),
            Route::Preview(id) => format!("#/plan/{id}/preview"),
            Route::Cards(id) => format!("#/plan/{id}/cards"),
            Route::Share(fragment) => fragment.clone(),
        }
    }
}

/// The route the address bar shows now.
pub fn current() -> Route {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    Route::parse(&hash)
}

/// Shows a route in place of the current address (the back button skips the current one).
pub fn replace(route: &Route) {
    crate::shell::browser::go_to(&route.href());
}

/// Goes to a route; the `hashchange` listener in `App` renders it.
pub fn go(route: &Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(&route.href());
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

    #[test]
    fn parses_and_prints_routes() {
        let cases = [
            ("", Route::List),
            ("#/", Route::List),
            ("#/new", Route::New),
            ("#/new/", Route::New),
            ("#/plan/p-1-abc", Route::Plan("p-1-abc".into())),
            ("#/plan/", Route::List),
            ("#/plan/a/b", Route::List),
            ("#/plan/a/b/c", Route::List),
            ("#/plan/p-1/preview", Route::Preview("p-1".into())),
            ("#/plan/p-1/cards/", Route::Cards("p-1".into())),
            ("#/plan//preview", Route::List),
            ("#/share/p.abc", Route::Share("#/share/p.abc".into())),
            ("#/save-copy", Route::SaveCopy),
            ("#/nonsense", Route::List),
        ];
        for (hash, route) in cases {
            assert_eq!(Route::parse(hash), route, "{hash}");
        }
        for route in [
            Route::List,
            Route::New,
            Route::Plan("p-x".into()),
            Route::Preview("p-x".into()),
            Route::Cards("p-x".into()),
            Route::Share("#/share/e.xyz".into()),
            Route::SaveCopy,
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }
}
