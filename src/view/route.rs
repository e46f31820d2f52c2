//! Hash routes (`#/`, `#/new`, `#/plan/<id>`): they work from any static file server and
//! from a file opened offline, and the fragment never reaches a server.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    List,
    New,
    Plan(String),
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#');
        match path.trim_end_matches('/') {
            "/new" => Route::New,
            other => match other.strip_prefix("/plan/") {
                Some(id) if !id.is_empty() && !id.contains('/') => Route::Plan(id.to_string()),
                _ => Route::List,
            },
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::List => "#/".to_string(),
            Route::New => "#/new".to_string(),
            Route::Plan(id) => format!("#/plan/{id}"),
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
            ("#/nonsense", Route::List),
        ];
        for (hash, route) in cases {
            assert_eq!(Route::parse(hash), route, "{hash}");
        }
        for route in [Route::List, Route::New, Route::Plan("p-x".into())] {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }
}
