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
    let messages = err.message().unwrap().catalogs();
    assert_eq!(messages.locales().collect::<Vec<_>>(), ["de", "en", "fr"]);
    assert_eq!(messages.answering("ja", "throttled"), Some("en"));
}

#[test]
fn a_regional_or_extended_tag_answers_in_its_language() {
    let err = OrderError::ItemsLeft { count: 1 };
    for asked in [
        "de-CH",
        "DE-at",
        "de-Latn-CH-1996",
        "de-x-private",
        "de-CH-x-a",
    ] {
        assert_eq!(
            render(&err, asked, Envelope::Problem)["detail"],
            "Nur noch ein Artikel ist übrig.",
            "{asked}"
        );
    }
    let messages = err.message().unwrap().catalogs();
    assert_eq!(messages.answering("fr-CA", "items_left"), Some("fr"));
    // Cutting stops at the language: no prefix of it is a language.
    assert_eq!(messages.answering("d", "items_left"), Some("en"));
    assert_eq!(messages.answering("dex", "items_left"), Some("en"));
    assert_eq!(messages.answering("x-de", "items_left"), Some("en"));
    assert_eq!(messages.answering("-de", "items_left"), Some("en"));
    // A hostile tag is read once, in time linear in its length.
    let long = "de-".repeat(100_000);
    assert_eq!(messages.answering(&long, "items_left"), Some("de"));
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

/// Two errors about the same member, as one collection.
fn two_left() -> errcodes::ApiErrors {
    errcodes::ApiErrors::from_errors([
        OrderError::ItemsLeft { count: 3 },
        OrderError::ItemsLeft { count: 1 },
    ])
    .unwrap()
}

#[test]
fn a_collection_s_summary_items_and_count_speak_the_locale() {
    let errors = two_left();
    let de = InContext::new(&errors).locale("de");
    let problem = de.to_json_value(Envelope::Problem);
    assert_eq!(problem["title"], "Konflikt");
    assert_eq!(
        problem["detail"],
        "1 Feld hat die Prüfung nicht bestanden (2 Fehler)."
    );
    assert_eq!(
        problem["errors"][0]["detail"],
        "Nur noch 3 Artikel sind übrig."
    );
    assert_eq!(
        problem["errors"][1]["detail"],
        "Nur noch ein Artikel ist übrig."
    );
    assert_eq!(problem["errors"][1]["code"], "items_left");
    assert_eq!(
        de.to_json_value(Envelope::Laravel)["message"],
        "Nur noch 3 Artikel sind übrig. (und 1 weiterer Fehler)"
    );
    let fr = InContext::new(&errors).locale("fr");
    assert_eq!(
        fr.to_json_value(Envelope::Laravel)["message"],
        "Il ne reste que 3 articles. (et 1 autre erreur)"
    );
    assert_eq!(
        fr.to_json_value(Envelope::JsonApi)["errors"][1]["title"],
        "Conflit"
    );
    // The same collection without a locale: as declared, word for word.
    assert_eq!(
        errors.to_json_value(Envelope::Laravel)["message"],
        "Only 3 items are left. (and 1 more error)"
    );
    assert_eq!(
        errors.to_json_value(Envelope::Problem)["detail"],
        "1 field failed validation (2 errors)."
    );
    // A detail of the collection's own stays its own.
    let own = two_left().with_detail("Check the basket.");
    let body = InContext::new(&own)
        .locale("de")
        .to_json_value(Envelope::Problem);
    assert_eq!(body["detail"], "Check the basket.");
    assert_eq!(
        body["errors"][0]["detail"],
        "Nur noch 3 Artikel sind übrig."
    );
}

#[test]
fn aip_193_keeps_the_message_in_the_fallback_and_adds_a_localized_message() {
    let err = OrderError::NotFound { id: 42 };
    let body = render(&err, "de", Envelope::Aip193);
    assert_eq!(body["error"]["message"], "No order 42 exists.");
    let details = body["error"]["details"].as_array().unwrap();
    assert_eq!(details[0]["reason"], "ORDER_NOT_FOUND");
    assert_eq!(
        details.last().unwrap(),
        &serde_json::json!({
            "@type": "type.googleapis.com/google.rpc.LocalizedMessage",
            "locale": "de",
            "message": "Es gibt keine Bestellung 42."
        })
    );
    // A field violation keeps its description and adds its own.
    let body = render(&OrderError::ItemsLeft { count: 3 }, "fr", Envelope::Aip193);
    let violation = &body["error"]["details"][1]["fieldViolations"][0];
    assert_eq!(violation["description"], "Only 3 items are left.");
    assert_eq!(
        violation["localizedMessage"],
        serde_json::json!({"locale": "fr", "message": "Il ne reste que 3 articles."})
    );
    // Not localized: no LocalizedMessage at all.
    let plain = err.to_json_value(Envelope::Aip193);
    assert!(!plain.to_string().contains("LocalizedMessage"), "{plain}");
    // The answer's language is in its settings (the layers' Content-Language).
    // A regional tag answers in its language's catalog (RFC 4647 lookup).
    assert_eq!(
        InContext::new(&err).locale("de-CH").occurrence().language,
        Some("de")
    );
    assert_eq!(
        InContext::new(&err).locale("zz-CH").occurrence().language,
        Some("en")
    );
    assert_eq!(
        InContext::new(&err).locale("de").occurrence().language,
        Some("de")
    );
    assert_eq!(InContext::new(&err).occurrence().language, None);
}

/// validator's default messages, by rule, its parameters the arguments.
#[cfg(feature = "validator")]
#[test]
fn validator_messages_speak_the_locale_by_rule() {
    use validator::Validate;

    #[derive(Validate)]
    struct Signup {
        #[validate(email)]
        email: String,
        #[validate(length(min = 8))]
        password: String,
        #[validate(length(min = 1, message = "Name it."))]
        name: String,
    }
    let report = Signup {
        email: "bob@".into(),
        password: "short".into(),
        name: String::new(),
    }
    .validate()
    .unwrap_err();
    let errors = errcodes::ApiErrors::from(report);
    let de = InContext::new(&errors)
        .locale("de")
        .to_json_value(Envelope::Drf);
    let details: Vec<&str> = de["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["detail"].as_str().unwrap())
        .collect();
    assert_eq!(
        details,
        [
            "Geben Sie eine gültige E-Mail-Adresse ein.",
            // A message the rule was given is the app's own words.
            "Name it.",
            "Dieses Feld muss mindestens 8 Zeichen lang sein.",
        ]
    );
    // Codes never change.
    assert_eq!(de["errors"][2]["code"], "length");
    let fr = InContext::new(&errors)
        .locale("fr")
        .to_json_value(Envelope::Problem);
    assert_eq!(fr["detail"], "3 champs n'ont pas passé la validation.");
    assert_eq!(
        fr["errors"][2]["detail"],
        "Ce champ doit contenir au moins 8 caractères."
    );
    let en = InContext::new(&errors)
        .locale("en")
        .to_json_value(Envelope::Drf);
    assert_eq!(en, errors.to_json_value(Envelope::Drf));
}

/// A localized body decodes to the variant and its fields, in every
/// envelope, codes or none.
#[cfg(feature = "client")]
#[test]
fn a_localized_body_decodes_to_the_variant_and_its_fields() {
    use errcodes::client::{Decode, Decoded};

    for locale in ["de", "fr", "en"] {
        // "Only one item is left." shows no number: the variant comes back,
        // its count as the type's default.
        for (err, exact) in [
            (OrderError::NotFound { id: 42 }, true),
            (OrderError::ItemsLeft { count: 7 }, true),
            (OrderError::ItemsLeft { count: 1 }, false),
        ] {
            for envelope in Envelope::ALL {
                let answered = InContext::new(&err).locale(locale);
                let body = answered.render_to_vec(envelope);
                let decoded = OrderError::from_response(
                    err.status().as_u16(),
                    Some(envelope.media_type()),
                    &body,
                )
                .unwrap();
                let Decoded::Known(back) = decoded else {
                    panic!("{locale} {envelope:?}: {}", String::from_utf8_lossy(&body));
                };
                if exact {
                    assert_eq!(
                        format!("{back:?}"),
                        format!("{err:?}"),
                        "{locale} {envelope:?}"
                    );
                } else {
                    assert!(
                        matches!(back, OrderError::ItemsLeft { .. }),
                        "{locale} {envelope:?}"
                    );
                }
            }
        }
    }
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

    /// The app's own field errors, localized by code from the app's
    /// catalogs, made in a spawned task: the answer is in the request's
    /// language, a code the catalogs lack stays as written.
    #[tokio::test]
    async fn an_app_s_own_field_errors_speak_the_language_from_its_catalogs() {
        use errcodes::l10n::Messages;
        use errcodes::{ApiErrors, FieldError};

        static FIELDS: Messages = Messages::new(
            "en",
            &[
                (
                    "en",
                    "name_taken = This name is taken.\n    .title = Name taken\n",
                ),
                (
                    "de",
                    "name_taken = Dieser Name ist vergeben.\n    .title = Name vergeben\n",
                ),
            ],
        );
        async fn signup() -> Result<(), ApiErrors> {
            tokio::spawn(async {
                Err(ApiErrors::from_errors([
                    FieldError::new("name", "name_taken", "This name is taken."),
                    FieldError::new("email", "email_banned", "This address is banned."),
                ])
                .unwrap())
            })
            .await
            .unwrap()
        }
        for (envelope, accept) in [
            (Envelope::Laravel, "application/json"),
            (Envelope::Problem, "application/problem+json"),
            (Envelope::Aip193, "application/json"),
        ] {
            let profile = Profile::new(envelope)
                .locales(["en", "de"])
                .catalogs(&FIELDS);
            let app = axum::Router::new()
                .route("/signup", get(signup))
                .layer(errcodes::axum::ErrorLayer::new(profile));
            let request = Request::get("/signup")
                .header("accept-language", "de-DE")
                .header("accept", accept)
                .body(Body::empty())
                .unwrap();
            let response = app.oneshot(request).await.unwrap();
            assert_eq!(response.headers()["content-language"], "de", "{envelope:?}");
            let body = response.into_body().collect().await.unwrap().to_bytes();
            let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
            match envelope.name() {
                "laravel" => {
                    assert_eq!(body["errors"]["name"][0], "Dieser Name ist vergeben.");
                    assert_eq!(body["errors"]["email"][0], "This address is banned.");
                }
                "problem" => {
                    let items = body["errors"].as_array().unwrap();
                    assert_eq!(items[0]["detail"], "Dieser Name ist vergeben.");
                    assert_eq!(items[0]["code"], "name_taken");
                    assert_eq!(items[1]["detail"], "This address is banned.");
                }
                _ => {
                    // AIP-193: `message` in the fallback language, the
                    // translation beside it.
                    let details = body["error"]["details"].as_array().unwrap();
                    let bad_request = details
                        .iter()
                        .find(|d| d["@type"] == "type.googleapis.com/google.rpc.BadRequest")
                        .unwrap();
                    let violation = &bad_request["fieldViolations"][0];
                    assert_eq!(violation["description"], "This name is taken.", "{body}");
                    assert_eq!(
                        violation["localizedMessage"]["message"], "Dieser Name ist vergeben.",
                        "{body}"
                    );
                }
            }
        }
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

#[test]
fn integers_keep_every_digit_in_every_locale() {
    // Past 2^53 an f64 rounds: 9007199254740993 became ...992, and u64::MAX
    // 18446744073709552000; the client then decoded the wrong id.
    for id in [9_007_199_254_740_993, u64::MAX, 0, 1] {
        let err = OrderError::NotFound { id };
        for (locale, expected) in [
            ("en", format!("No order {id} exists.")),
            ("de", format!("Es gibt keine Bestellung {id}.")),
        ] {
            assert_eq!(
                render(&err, locale, Envelope::Problem)["detail"],
                expected.as_str(),
                "{locale}"
            );
        }
    }
}

#[test]
fn a_withheld_5xx_keeps_each_envelope_s_own_generic_text_in_each_locale() {
    // English (the fallback, asked for by name) is each envelope's own text,
    // byte for byte as without a locale (AIP-193 and Connect add a
    // LocalizedMessage).
    for envelope in Envelope::ALL
        .into_iter()
        .filter(|e| *e != Envelope::Aip193 && *e != Envelope::Connect)
    {
        let plain = OrderError::Internal.render_to_vec(envelope);
        let en = InContext::new(&OrderError::Internal)
            .locale("en")
            .render_to_vec(envelope);
        assert_eq!(
            String::from_utf8_lossy(&en),
            String::from_utf8_lossy(&plain),
            "{envelope:?}"
        );
    }
    assert_eq!(
        render(&OrderError::Internal, "en", Envelope::Laravel)["message"],
        "Server Error"
    );
    assert_eq!(
        render(&OrderError::Internal, "en", Envelope::Drf)["errors"][0]["detail"],
        "A server error occurred."
    );
    // Other languages: the same envelope's words, translated.
    assert_eq!(
        render(&OrderError::Internal, "de", Envelope::Laravel)["message"],
        "Serverfehler"
    );
    assert_eq!(
        render(&OrderError::Internal, "fr", Envelope::Drf)["errors"][0]["detail"],
        "Une erreur du serveur est survenue."
    );
}

#[test]
fn an_item_added_by_reference_keeps_its_translation() {
    let err = OrderError::ItemsLeft { count: 3 };
    let borrowed: &dyn ApiError = &err;
    let mut by_ref = errcodes::ApiErrors::builder();
    by_ref
        .push(OrderError::ItemsLeft { count: 3 })
        .push_ref(borrowed);
    let by_ref = by_ref.finish().unwrap_err();
    let mut by_value = errcodes::ApiErrors::builder();
    by_value
        .push(OrderError::ItemsLeft { count: 3 })
        .push(OrderError::ItemsLeft { count: 3 });
    let by_value = by_value.finish().unwrap_err();
    for envelope in Envelope::ALL {
        for locale in ["de", "fr", "en"] {
            let got = InContext::new(&by_ref)
                .locale(locale)
                .render_to_vec(envelope);
            let want = InContext::new(&by_value)
                .locale(locale)
                .render_to_vec(envelope);
            assert_eq!(
                String::from_utf8_lossy(&got),
                String::from_utf8_lossy(&want),
                "{envelope:?} {locale}"
            );
        }
    }
    let de = InContext::new(&by_ref)
        .locale("de")
        .to_json_value(Envelope::Problem);
    assert_eq!(de["errors"][1]["detail"], "Nur noch 3 Artikel sind übrig.");
}

/// A locale may lack a code when the type says `partial_locales`: it then
/// answers in the fallback's text. (Compiled here rather than by trybuild,
/// whose `pass` cases build the whole dependency stack once more.)
#[derive(Debug, ApiError)]
#[api(locales = "diagnostics/ui-l10n/locales/missing-in-de", partial_locales)]
enum PartialError {
    #[api(status = 404, code = "order_not_found", detail = "No order {id}.")]
    NotFound { id: u64 },
}

#[test]
fn a_partial_locale_answers_in_the_fallback_where_it_has_no_message() {
    let body = InContext::new(&PartialError::NotFound { id: 7 })
        .locale("de")
        .to_json_value(Envelope::Problem);
    assert_eq!(body["detail"], "No order 7.");
    assert_eq!(body["title"], "Not Found");
}
