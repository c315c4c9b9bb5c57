//! Localized answers: a type's Fluent catalogs (tests/locales), keyed by
//! its codes, rendered in a locale; codes, URIs and member paths untouched.
#![cfg(feature = "fluent")]

use errcodes::ApiErrorExt as _;
use errcodes::{ApiError, Envelope, InContext};

#[derive(Debug, ApiError)]
#[api(locales = "locales", type_base = "https://errors.example.com/")]
pub enum OrderError {
    #[api(
        status = 404,
        code = "order_not_found",
        detail = "No order {id} exists."
    )]
    NotFound { id: u64 },
    #[api(
        status = 409,
        code = "items_left",
        attr = "quantity",
        detail = "Only {count} items are left."
    )]
    ItemsLeft { count: u32 },
    #[api(status = 429, code = "throttled", detail = "Slow down.")]
    Throttled,
    #[api(status = 500)]
    Internal,
}

fn render(err: &OrderError, locale: &str, envelope: Envelope) -> serde_json::Value {
    InContext::new(err).locale(locale).to_json_value(envelope)
}

#[test]
fn titles_and_details_come_from_the_locale_s_catalog() {
    let err = OrderError::NotFound { id: 42 };
    let de = render(&err, "de", Envelope::Problem);
    assert_eq!(de["title"], "Nicht gefunden");
    assert_eq!(de["detail"], "Es gibt keine Bestellung 42.");
    // Never localized: the code and the type URI.
    assert_eq!(de["code"], "order_not_found");
    assert_eq!(de["type"], "https://errors.example.com/order_not_found");
    let fr = render(&err, "fr", Envelope::JsonApi);
    assert_eq!(fr["errors"][0]["title"], "Introuvable");
    assert_eq!(fr["errors"][0]["detail"], "La commande 42 n’existe pas.");
    assert_eq!(fr["errors"][0]["status"], "404");
}

#[test]
fn numbers_are_numbers_so_plural_rules_apply() {
    for (count, en, de) in [
        (
            1,
            "Only one item is left.",
            "Nur noch ein Artikel ist übrig.",
        ),
        (
            3,
            "Only 3 items are left.",
            "Nur noch 3 Artikel sind übrig.",
        ),
    ] {
        let err = OrderError::ItemsLeft { count };
        assert_eq!(render(&err, "en", Envelope::Problem)["detail"], en);
        let body = render(&err, "de", Envelope::Drf);
        assert_eq!(body["errors"][0]["detail"], de);
        // The member path is the declaration's.
        assert_eq!(body["errors"][0]["attr"], "quantity");
    }
}

#[test]
fn an_unknown_locale_answers_in_the_fallback_and_no_locale_as_declared() {
    let err = OrderError::Throttled;
    assert_eq!(
        render(&err, "ja", Envelope::Problem)["detail"],
        "Slow down."
    );
    assert_eq!(
        render(&err, "ja", Envelope::Problem)["title"],
        "Too Many Requests"
    );
    assert_eq!(err.to_json_value(Envelope::Problem)["detail"], "Slow down.");
    let messages = err.messages().unwrap();
    assert_eq!(messages.locales().collect::<Vec<_>>(), ["de", "en", "fr"]);
    assert_eq!(messages.answering("ja", "throttled"), Some("en"));
}

#[test]
fn a_5xx_says_errcodes_generic_text_in_the_locale_and_nothing_of_its_cause() {
    let body = render(&OrderError::Internal, "de", Envelope::Problem);
    assert_eq!(body["title"], "Interner Serverfehler");
    assert_eq!(
        body["detail"],
        "Auf dem Server ist ein unerwarteter Fehler aufgetreten."
    );
    assert!(body.get("code").is_none());
    let body = render(&OrderError::Internal, "ja", Envelope::JsonApi);
    assert_eq!(
        body["errors"][0]["detail"],
        "The server hit an unexpected condition."
    );
}

#[test]
fn no_bidi_isolation_mark_reaches_a_body() {
    let body = InContext::new(&OrderError::NotFound { id: 7 })
        .locale("de")
        .render_to_vec(Envelope::Problem);
    let text = String::from_utf8(body).unwrap();
    assert!(
        !text.contains('\u{2068}') && !text.contains('\u{2069}'),
        "{text}"
    );
}

/// Under the axum layer: each request's `Accept-Language` against the
/// profile's locales, answered with `Content-Language` and `Vary`.
#[cfg(feature = "axum")]
mod layer {
    use axum::body::Body;
    use axum::routing::get;
    use errcodes::{Envelope, Profile};
    use http::Request;
    use http_body_util::BodyExt as _;
    use tower::ServiceExt as _;

    use super::OrderError;

    fn app() -> axum::Router {
        let profile = Profile::new(Envelope::Problem).locales(["en", "de", "fr"]);
        axum::Router::new()
            .route(
                "/orders/42",
                get(|| async { Err::<(), _>(OrderError::NotFound { id: 42 }) }),
            )
            .layer(errcodes::axum::ErrorLayer::new(profile))
    }

    async fn ask(
        path: &str,
        accept_language: Option<&str>,
    ) -> (Option<String>, String, serde_json::Value) {
        let mut request = Request::get(path);
        if let Some(value) = accept_language {
            request = request.header("accept-language", value);
        }
        let response = app()
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap();
        let language = response
            .headers()
            .get("content-language")
            .map(|v| v.to_str().unwrap().to_owned());
        let vary = response.headers()["vary"].to_str().unwrap().to_owned();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        (language, vary, serde_json::from_slice(&body).unwrap())
    }

    #[tokio::test]
    async fn the_request_s_language_answers() {
        let long = "de;q=0.1,".repeat(1000);
        for (asked, language, title) in [
            (Some("de"), "de", "Nicht gefunden"),
            (Some("de-CH"), "de", "Nicht gefunden"),
            (Some("fr-CA;q=0.9, de;q=0.8"), "fr", "Introuvable"),
            (Some("ja, de;q=0.5"), "de", "Nicht gefunden"),
            (Some("ja"), "en", "Not Found"),
            (Some("*"), "en", "Not Found"),
            (Some("de;q=0, fr;q=0"), "en", "Not Found"),
            (Some(";;;q=x, ,,=de, de;q=2"), "en", "Not Found"),
            (Some(long.as_str()), "en", "Not Found"),
            (None, "en", "Not Found"),
        ] {
            let (got, vary, body) = ask("/orders/42", asked).await;
            assert_eq!(got.as_deref(), Some(language), "{asked:?}");
            assert_eq!(body["title"], title, "{asked:?}");
            assert_eq!(body["code"], "order_not_found", "{asked:?}");
            assert_eq!(vary, "accept, accept-language");
        }
    }

    #[tokio::test]
    async fn the_layer_s_own_answers_speak_the_language_too() {
        let (language, vary, body) = ask("/nowhere", Some("de-AT")).await;
        assert_eq!(language.as_deref(), Some("de"));
        assert_eq!(vary, "accept, accept-language");
        assert_eq!(
            (&body["title"], &body["detail"]),
            (&"Nicht gefunden".into(), &"Nicht gefunden.".into())
        );
        assert_eq!(body["code"], "not_found");
        let (language, _, body) = ask("/nowhere", Some("fr")).await;
        assert_eq!(language.as_deref(), Some("fr"));
        assert_eq!(body["detail"], "Introuvable.");
        // English is the declaration's text, word for word.
        let (language, _, body) = ask("/nowhere", None).await;
        assert_eq!(language.as_deref(), Some("en"));
        assert_eq!(
            (&body["title"], &body["detail"]),
            (&"Not Found".into(), &"Not found.".into())
        );
    }

    #[tokio::test]
    async fn a_5xx_answers_in_the_language_too() {
        let profile = Profile::new(Envelope::Problem).locales(["en", "fr"]);
        let app = axum::Router::new()
            .route(
                "/boom",
                get(|| async { Err::<(), _>(OrderError::Internal) }),
            )
            .layer(errcodes::axum::ErrorLayer::new(profile));
        let request = Request::get("/boom")
            .header("accept-language", "fr")
            .body(Body::empty())
            .unwrap();
        let response = app.oneshot(request).await.unwrap();
        assert_eq!(response.headers()["content-language"], "fr");
        assert_eq!(response.headers()["vary"], "accept, accept-language");
        let body = response.into_body().collect().await.unwrap().to_bytes();
        let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(body["title"], "Erreur interne du serveur");
        assert_eq!(
            body["detail"],
            "Le serveur a rencontré une condition inattendue."
        );
    }
}
