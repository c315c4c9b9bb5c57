//! The compatibility rules, change by change, and the one call that
//! checks a lock file.

use errcodes::ApiError;
use errcodes::Catalog;
use errcodes::contract::{Accept, Change, Contract, Kind, Rule};
use serde_json::Value;

fn read(lock: &str) -> Value {
    serde_json::from_str(lock).unwrap()
}

fn changes_between<Before: Catalog, After: Catalog>() -> Vec<Change> {
    Contract::of::<After>()
        .compare(&Contract::of::<Before>().to_lock())
        .unwrap()
}

/// The rules that judged `changes`, but for the declaring type's name,
/// which differs between two types standing for two releases.
fn rules(changes: &[Change]) -> Vec<Rule> {
    changes
        .iter()
        .map(|c| c.rule)
        .filter(|r| *r != Rule::DeclarationMoved)
        .collect()
}

#[test]
fn a_lock_reads_back_as_it_was_written() {
    #[derive(Debug, ApiError)]
    #[api(type_base = "https://errors.example.com/")]
    #[allow(dead_code)]
    enum E {
        #[api(
            status = 409,
            code = "stale",
            attr = "version",
            detail = "Order {id} changed."
        )]
        Stale {
            id: u64,
            #[api(meta)]
            current: Option<u32>,
            #[api(header = "Retry-After")]
            wait: u32,
        },
        #[api(status = 500)]
        Database,
    }
    let contract = Contract::of::<E>();
    let lock = contract.to_lock();
    assert!(contract.compare(&lock).unwrap().is_empty());
    assert_eq!(
        read(&lock),
        serde_json::json!({
            "acknowledged": [],
            "codes": {
                "database": {
                    "code": "database", "declared_by": ["E::Database"], "detail": null,
                    "envelope": "problem", "headers": [], "location": null,
                    "media_type": "application/problem+json", "meta": {}, "negotiable": true,
                    "retry": "never", "rpc_code": "INTERNAL", "sent": false, "status": 500,
                    "title": "Internal Server Error", "type": null
                },
                "stale": {
                    "code": "stale", "declared_by": ["E::Stale"], "detail": "Order {id} changed.",
                    "envelope": "problem", "headers": ["retry-after"],
                    "location": {"kind": "attr", "name": "version"},
                    "media_type": "application/problem+json",
                    "meta": {"current": "integer or null"}, "negotiable": true,
                    "retry": "never", "rpc_code": "ALREADY_EXISTS", "sent": true, "status": 409, "title": "Conflict",
                    "type": "https://errors.example.com/stale"
                }
            },
            "errcodes_contract": 1
        })
    );
    // Sorted members, two spaces, one member per line: a diff is the change.
    assert!(
        lock.contains("\n    \"stale\": {\n      \"code\": \"stale\",\n"),
        "{lock}"
    );
}

#[test]
fn renaming_a_code_breaks_adding_one_does_not() {
    #[derive(Debug, ApiError)]
    enum Before {
        #[api(status = 404, code = "order_missing", detail = "No order.")]
        Missing,
    }
    #[derive(Debug, ApiError)]
    enum After {
        #[api(status = 404, code = "order_not_found", detail = "No order.")]
        Missing,
    }
    let changes = changes_between::<Before, After>();
    assert_eq!(rules(&changes), [Rule::CodeRemoved, Rule::CodeAdded]);
    assert_eq!(changes[0].kind(), Kind::Breaking);
    assert_eq!(changes[1].kind(), Kind::Additive);
}

#[test]
fn a_4xx_that_becomes_a_5xx_is_called_out() {
    #[derive(Debug, ApiError)]
    #[api(status = 409, code = "busy", detail = "Busy.")]
    struct Before;
    #[derive(Debug, ApiError)]
    #[api(status = 500, code = "busy", detail = "Busy.")]
    struct After;
    let changes = changes_between::<Before, After>();
    assert_eq!(changes[0].rule, Rule::ClientErrorBecameServerError);
    assert_eq!(changes[0].field.as_deref(), Some("status"));
    assert!(
        changes[0].to_string().contains("409 -> 500"),
        "{}",
        changes[0]
    );
}

/// gRPC and Connect clients see the canonical code: a 422 that starts to
/// answer FAILED_PRECONDITION instead of INVALID_ARGUMENT breaks them, even
/// though its HTTP status stayed.
#[test]
fn a_changed_rpc_code_is_breaking() {
    #[derive(Debug, ApiError)]
    #[api(status = 422, code = "sold_out", detail = "Sold out.")]
    struct Before;
    #[derive(Debug, ApiError)]
    #[api(
        status = 422,
        code = "sold_out",
        rpc_code = "FAILED_PRECONDITION",
        detail = "Sold out."
    )]
    struct After;
    // (The other change: another type declares the code, cosmetic.)
    let changes: Vec<_> = changes_between::<Before, After>()
        .into_iter()
        .filter(|c| c.rule != Rule::DeclarationMoved)
        .collect();
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0].rule, Rule::RpcCodeChanged);
    assert_eq!(changes[0].kind(), Kind::Breaking);
    assert!(
        changes[0]
            .to_string()
            .contains("INVALID_ARGUMENT -> FAILED_PRECONDITION"),
        "{}",
        changes[0]
    );
}

#[test]
fn meta_headers_location_and_retry_are_judged_by_direction() {
    #[derive(Debug, ApiError)]
    #[api(status = 503, code = "down", detail = "Down.")]
    #[allow(dead_code)]
    struct Before {
        #[api(meta, public)]
        region: String,
        #[api(meta, public)]
        since: u64,
        #[api(header = "Retry-After")]
        wait: u32,
    }
    #[derive(Debug, ApiError)]
    #[api(
        status = 503,
        code = "down",
        attr = "region",
        retryable = false,
        detail = "Down."
    )]
    #[allow(dead_code)]
    struct After {
        #[api(meta, public)]
        since: String,
        #[api(meta, public)]
        until: u64,
        #[api(header = "X-Region")]
        region: String,
    }
    let changes = changes_between::<Before, After>();
    let by_rule = |rule| changes.iter().find(|c| c.rule == rule).unwrap();
    assert_eq!(
        by_rule(Rule::MetaRemoved).field.as_deref(),
        Some("meta.region")
    );
    assert_eq!(
        by_rule(Rule::MetaTypeChanged).before.as_deref(),
        Some("integer")
    );
    assert_eq!(
        by_rule(Rule::HeaderRemoved).field.as_deref(),
        Some("headers.retry-after")
    );
    assert_eq!(
        by_rule(Rule::LocationChanged).after.as_deref(),
        Some("attr `region`")
    );
    assert_eq!(
        by_rule(Rule::RetryWithdrawn).before.as_deref(),
        Some("retryable")
    );
    assert_eq!(by_rule(Rule::MetaAdded).kind(), Kind::Additive);
    assert_eq!(by_rule(Rule::HeaderAdded).kind(), Kind::Additive);
}

#[test]
fn texts_and_declarations_are_cosmetic_withheld_codes_invisible() {
    #[derive(Debug, ApiError)]
    enum Before {
        #[api(status = 404, code = "gone", title = "Gone", detail = "It is gone.")]
        Gone,
        #[api(status = 500)]
        Database,
    }
    #[derive(Debug, ApiError)]
    enum After {
        #[api(
            status = 404,
            code = "gone",
            title = "Missing",
            detail = "It went away."
        )]
        Vanished,
        #[api(status = 500)]
        Storage,
    }
    let changes = changes_between::<Before, After>();
    assert!(
        changes.iter().all(|c| c.kind() == Kind::Cosmetic),
        "{changes:#?}"
    );
    let all: Vec<(&str, Rule)> = changes.iter().map(|c| (c.code.as_str(), c.rule)).collect();
    assert_eq!(
        all,
        [
            ("database", Rule::WithheldChanged),
            ("gone", Rule::TitleChanged),
            ("gone", Rule::DetailChanged),
            ("gone", Rule::DeclarationMoved),
            ("storage", Rule::WithheldChanged),
        ]
    );
}

#[test]
fn a_sent_code_withheld_breaks() {
    #[derive(Debug, ApiError)]
    #[api(status = 503, code = "maintenance", detail = "Back soon.")]
    struct Before;
    #[derive(Debug, ApiError)]
    #[api(status = 503, code = "maintenance", no_code, detail = "Back soon.")]
    struct After;
    let changes = changes_between::<Before, After>();
    assert_eq!(rules(&changes), [Rule::CodeWithheld]);
}

#[test]
fn the_check_writes_fails_updates_and_acknowledges() {
    #[derive(Debug, ApiError)]
    #[api(status = 404, code = "gone", detail = "Gone.")]
    struct V1;
    #[derive(Debug, ApiError)]
    enum V2 {
        #[api(status = 404, code = "gone", detail = "It is gone.")]
        Gone,
        #[api(status = 409, code = "taken", detail = "Taken.")]
        Taken,
    }
    #[derive(Debug, ApiError)]
    #[api(status = 410, code = "gone", detail = "It is gone.")]
    struct V3;

    let dir = std::env::temp_dir().join(format!("errcodes-contract-{}", std::process::id()));
    let path = dir.join("nested/errors.lock");
    let breaking = || Accept::Breaking {
        reason: Some("v2 retires the endpoint".to_owned()),
    };

    // No lock: written, in folders made for it.
    Contract::of::<V1>()
        .check_accepting(&path, &Accept::Nothing)
        .unwrap();
    let v1 = std::fs::read_to_string(&path).unwrap();
    assert_eq!(v1, Contract::of::<V1>().to_lock());
    Contract::of::<V1>()
        .check_accepting(&path, &Accept::Nothing)
        .unwrap();
    Contract::of::<V1>().check(&path);

    // Additive and cosmetic: refused until accepted, then the lock is V2's.
    let refused = Contract::of::<V2>()
        .check_accepting(&path, &Accept::Nothing)
        .unwrap_err();
    assert!(refused.contains("0 breaking"), "{refused}");
    assert!(refused.contains("ERRCODES_CONTRACT=update"), "{refused}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), v1);
    let panicked = std::panic::catch_unwind(|| Contract::of::<V2>().check(&path)).unwrap_err();
    assert!(
        panicked
            .downcast_ref::<String>()
            .unwrap()
            .contains("additive: V2::Taken `taken`")
    );
    Contract::of::<V2>()
        .check_accepting(&path, &Accept::Compatible)
        .unwrap();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        Contract::of::<V2>().to_lock()
    );

    // Breaking: `Compatible` does not accept it; `Breaking` does, with a trace.
    let refused = Contract::of::<V3>()
        .check_accepting(&path, &Accept::Compatible)
        .unwrap_err();
    assert!(
        refused.contains("breaking: V3 `gone`: status: 404 -> 410 [status-changed"),
        "{refused}"
    );
    assert!(
        refused.contains("breaking: V2::Taken `taken`: code removed"),
        "{refused}"
    );
    assert!(refused.contains("ERRCODES_CONTRACT=break"), "{refused}");
    Contract::of::<V3>()
        .check_accepting(&path, &breaking())
        .unwrap();
    let lock = read(&std::fs::read_to_string(&path).unwrap());
    let acknowledged = lock["acknowledged"].as_array().unwrap();
    assert_eq!(acknowledged.len(), 2);
    assert_eq!(acknowledged[0]["rule"], "status-changed");
    assert_eq!(acknowledged[0]["change"], "status: 404 -> 410");
    assert_eq!(acknowledged[0]["reason"], "v2 retires the endpoint");
    assert_eq!(acknowledged[1]["rule"], "code-removed");
    assert_eq!(acknowledged[1]["code"], "taken");
    // The acknowledgements stay through later updates.
    #[derive(Debug, ApiError)]
    #[api(status = 410, code = "gone", detail = "It is gone for good.")]
    struct V4;
    Contract::of::<V4>()
        .check_accepting(&path, &Accept::Compatible)
        .unwrap();
    let lock = read(&std::fs::read_to_string(&path).unwrap());
    assert_eq!(lock["acknowledged"].as_array().unwrap().len(), 2);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_narrower_member_or_a_negotiable_envelope_is_additive_a_wider_one_breaks() {
    #[derive(Debug, ApiError)]
    #[api(status = 409, code = "stale", fixed_envelope, detail = "Stale.")]
    #[allow(dead_code)]
    struct Before {
        #[api(meta)]
        version: Option<u32>,
        #[api(meta)]
        editor: String,
    }
    #[derive(Debug, ApiError)]
    #[api(status = 409, code = "stale", detail = "Stale.")]
    #[allow(dead_code)]
    struct After {
        #[api(meta)]
        version: u32,
        #[api(meta)]
        editor: Option<String>,
    }
    let changes = changes_between::<Before, After>();
    let by_field = |field: &str| {
        changes
            .iter()
            .find(|c| c.field.as_deref() == Some(field))
            .unwrap()
            .rule
    };
    assert_eq!(by_field("meta.version"), Rule::MetaTypeNarrowed);
    assert_eq!(by_field("meta.editor"), Rule::MetaTypeChanged);
    assert_eq!(by_field("negotiable"), Rule::NowNegotiable);
    assert_eq!(
        Contract::of::<After>()
            .verdict(&Contract::of::<Before>().to_lock())
            .unwrap(),
        Some(Kind::Breaking)
    );
}
