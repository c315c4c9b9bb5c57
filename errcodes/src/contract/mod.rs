//! The error contract, locked: everything a client may rely on, per code,
//! written to a committed file and checked against it on every test run,
//! so that no release breaks a client unnoticed.
//!
//! One call in a test:
//!
//! ```
//! use errcodes::contract::Contract;
//! use errcodes::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! #[api(type_base = "https://errors.example.com/")]
//! enum OrderError {
//!     #[api(status = 404, code = "order_not_found", detail = "No order {id} exists.")]
//!     NotFound { id: u64 },
//!     #[api(status = 429, code = "throttled", throttled, detail = "Slow down.")]
//!     Throttled {
//!         #[api(header = "Retry-After")]
//!         wait: std::time::Duration,
//!     },
//! }
//!
//! // The lock, committed beside the test, says per code what clients see.
//! let lock = Contract::of::<OrderError>().to_lock();
//! assert!(lock.contains(r#""order_not_found": {"#));
//! assert!(lock.contains(r#""retry": "throttled""#));
//! # let dir = std::env::temp_dir().join(format!("errcodes-contract-doc-{}", std::process::id()));
//! # std::fs::create_dir_all(&dir).unwrap();
//! # let path = dir.join("errors.lock");
//! # std::fs::write(&path, &lock).unwrap();
//! // In a test: `Contract::of::<OrderError>().check("errors.lock")`.
//! Contract::of::<OrderError>().check(&path);
//! # std::fs::remove_dir_all(&dir).unwrap();
//! ```
//!
//! The first run writes the lock (unless the `CI` environment variable is
//! set: then a missing lock fails). Later runs compare the declaration with
//! it and classify each difference by [`Rule`]:
//!
//! * **breaking** (a client that matches on codes stops working): a code
//!   removed or renamed, its status changed (a 4xx that became a 5xx is
//!   called out), a meta member removed or its JSON type changed, a header
//!   removed, the location changed, the type URI or the envelope changed, a
//!   sent code now withheld, a retryable code no longer retryable, the
//!   canonical RPC code changed (gRPC and Connect clients branch on it);
//! * **additive**: a new code, meta member or header, a withheld code now
//!   sent, a code that became retryable;
//! * **cosmetic**: titles, detail texts, which variant declares a code.
//!
//! Any difference fails the check, with a message naming the type, variant,
//! code, field and rule. `ERRCODES_CONTRACT=update` accepts additive and
//! cosmetic changes by rewriting the lock; breaking ones still fail.
//! `ERRCODES_CONTRACT=break` accepts breaking changes too and records each
//! in the lock's `acknowledged` list (with `ERRCODES_CONTRACT_REASON`, if
//! set), so the acknowledgement stays in review and in history.

mod clause;
mod compare;
mod lock;
#[cfg(all(feature = "utoipa", feature = "client"))]
mod verify;

use std::collections::BTreeMap;
use std::path::Path;

pub use clause::Clause;
pub use compare::{Change, Kind, Rule};
#[cfg(all(feature = "utoipa", feature = "client"))]
pub use verify::{Verified, verify};

use crate::catalog::Catalog;

/// The contract of one error type, or of a whole app: a clause per code.
/// Build it with [`Contract::of`] and [`Contract::with`] (and, under a
/// layer, [`Contract::with_layer`]), then [`check`](Contract::check) it
/// against a lock file.
///
/// ```
/// use errcodes::contract::Contract;
/// use errcodes::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 404, code = "gone", detail = "Gone.")]
/// struct Gone;
///
/// let contract = Contract::of::<Gone>();
/// assert_eq!(contract.clauses().map(|c| c.code.as_str()).collect::<Vec<_>>(), ["gone"]);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Contract {
    clauses: BTreeMap<String, Clause>,
}

impl Contract {
    /// An empty contract.
    ///
    /// ```
    /// assert_eq!(errcodes::contract::Contract::new().clauses().count(), 0);
    /// ```
    #[must_use]
    pub fn new() -> Contract {
        Contract::default()
    }

    /// The contract of the error type `T`: a clause for each of its
    /// variants (a `transparent` variant's inner type is added with
    /// [`with`](Contract::with) on its own).
    ///
    /// ```
    /// use errcodes::contract::Contract;
    /// use errcodes::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, code = "gone", detail = "Gone.")]
    /// struct Gone;
    ///
    /// assert_eq!(Contract::of::<Gone>().clauses().next().unwrap().status, 404);
    /// ```
    #[must_use]
    pub fn of<T: Catalog + ?Sized>() -> Contract {
        Contract::new().with::<T>()
    }

    /// This contract and `T`'s: an app lists every error type its
    /// document lists.
    ///
    /// ```
    /// use errcodes::contract::Contract;
    /// use errcodes::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, code = "gone", detail = "Gone.")]
    /// struct Gone;
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 409, code = "taken", detail = "Taken.")]
    /// struct Taken;
    ///
    /// assert_eq!(Contract::of::<Gone>().with::<Taken>().clauses().count(), 2);
    /// ```
    #[must_use]
    pub fn with<T: Catalog + ?Sized>(mut self) -> Contract {
        let name = short_type_name(core::any::type_name::<T>());
        for entry in T::CATALOG.iter().filter(|e| e.transparent().is_none()) {
            self.add(Clause::of_entry(&name, entry));
        }
        self
    }

    /// This contract and the answers errcodes' layers give on their own:
    /// an unknown route and a method not served, a handler's panic, the
    /// negotiation refusals (406, 415) and the rejections of a body, a path
    /// or a query that does not read.
    ///
    /// ```
    /// let contract = errcodes::contract::Contract::new().with_layer();
    /// assert!(contract.clauses().any(|c| c.code == "not_found" && c.status == 404));
    /// ```
    #[cfg(any(feature = "axum", feature = "actix-web"))]
    #[must_use]
    pub fn with_layer(mut self) -> Contract {
        let negotiation = crate::negotiate::Negotiation::new(crate::Envelope::Problem);
        let takes = crate::serve::rejection::Takes {
            other_method: "DELETE",
            json_body: true,
            form_body: true,
            path_params: true,
            query_params: true,
        };
        for err in crate::serve::rejection::own_answers(&negotiation, &takes) {
            // Their details say what the request got wrong: no template.
            let mut clause = Clause::of_error("errcodes", &*err);
            clause.detail = None;
            self.add(clause);
        }
        self
    }

    /// This contract and the clause of one error value, declared by `by`:
    /// an error that is no derived type (a collection, a hand-written
    /// `ApiError`), each meta member's JSON type read from the value it
    /// writes.
    ///
    /// ```
    /// use errcodes::contract::Contract;
    /// use errcodes::{ApiErrors, FieldError};
    ///
    /// let sample = ApiErrors::from(FieldError::new("name", "required", "Required."));
    /// let contract = Contract::new().with_error("ApiErrors", &sample);
    /// let clause = contract.clauses().next().unwrap();
    /// assert_eq!((clause.code.as_str(), clause.status), ("validation_failed", 422));
    /// ```
    #[must_use]
    pub fn with_error(mut self, by: &str, err: &dyn crate::ApiError) -> Contract {
        self.add(Clause::of_error(by, err));
        self
    }

    /// The contract of a whole app: every error type `doc` lists (with
    /// what its `transparent` variants hold, a collection's 422 included)
    /// and the layers' own answers ([`with_layer`](Contract::with_layer)).
    /// Pass the document as your `utoipa::OpenApi` builds it
    /// (`ApiDoc::openapi()`), not as a layer rewrote it.
    ///
    /// ```
    /// use errcodes::contract::Contract;
    /// use errcodes::ApiError;
    /// use utoipa::OpenApi;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, code = "order_not_found", detail = "No such order.")]
    /// struct OrderNotFound;
    ///
    /// #[utoipa::path(get, path = "/orders/{id}", responses((status = 200, description = "The order"), OrderNotFound))]
    /// #[allow(dead_code)]
    /// async fn order() {}
    ///
    /// #[derive(OpenApi)]
    /// #[openapi(paths(order))]
    /// struct ApiDoc;
    ///
    /// let contract = Contract::of_document(&ApiDoc::openapi());
    /// let codes: Vec<&str> = contract.clauses().map(|c| c.code.as_str()).collect();
    /// assert!(codes.contains(&"order_not_found"));
    /// assert!(codes.contains(&"method_not_allowed"));
    /// ```
    #[cfg(all(feature = "utoipa", any(feature = "axum", feature = "actix-web")))]
    #[must_use]
    pub fn of_document(doc: &utoipa::openapi::OpenApi) -> Contract {
        use crate::openapi::Inner;
        let mut contract = Contract::new();
        for listed in crate::openapi::app::listed_types(doc) {
            let transparent: Vec<&str> = listed
                .catalog
                .iter()
                .filter_map(crate::catalog::CatalogEntry::transparent)
                .collect();
            for entry in listed.catalog.iter().filter(|e| e.transparent().is_none()) {
                contract.add(Clause::of_entry(&listed.name, entry));
            }
            for inner in &listed.inners {
                match inner {
                    Inner::Entries(entries) => {
                        // The inner type's name, when one variant holds it.
                        let name = match transparent[..] {
                            [one] => short_type_name(one),
                            _ => listed.name.clone(),
                        };
                        for entry in entries.iter().filter(|e| e.transparent().is_none()) {
                            let mut clause = Clause::of_entry(&name, entry);
                            clause.apply_outer(&listed.settings);
                            contract.add(clause);
                        }
                    }
                    Inner::Collection => {
                        let within = crate::openapi::shown::Within {
                            err: Box::new(crate::openapi::sample_collection()),
                            outer: listed.settings,
                        };
                        contract.add(Clause::of_error("ApiErrors", &within));
                    }
                    Inner::Undocumented => {}
                }
            }
        }
        contract.with_layer()
    }

    /// Adds `clause` under its code; a code another declaration gave with
    /// different facts is kept apart, under `code (declared by)`.
    fn add(&mut self, clause: Clause) {
        match self.clauses.get_mut(&clause.code) {
            None => {
                self.clauses.insert(clause.code.clone(), clause);
            }
            Some(same) if same.same_facts(&clause) => {
                for by in clause.declared_by {
                    if !same.declared_by.contains(&by) {
                        same.declared_by.push(by);
                        same.declared_by.sort();
                    }
                }
            }
            Some(_) => {
                let key = format!("{} ({})", clause.code, clause.declared_by.join(", "));
                self.clauses.insert(key, clause);
            }
        }
    }

    /// The clauses, in the lock's order (by code).
    pub fn clauses(&self) -> impl Iterator<Item = &Clause> {
        self.clauses.values()
    }

    /// The lock file's text: deterministic (sorted, the same on every
    /// platform and build), so the diff in review is the change.
    ///
    /// ```
    /// use errcodes::contract::Contract;
    /// use errcodes::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, code = "gone", detail = "Gone.")]
    /// struct Gone;
    ///
    /// let lock = Contract::of::<Gone>().to_lock();
    /// assert!(lock.starts_with("{\n  \"acknowledged\": [],\n  \"codes\": {\n    \"gone\": {"));
    /// assert_eq!(lock, Contract::of::<Gone>().to_lock());
    /// ```
    #[must_use]
    pub fn to_lock(&self) -> String {
        lock::write(&self.clauses, &[])
    }

    /// Compares this contract with `lock` (a lock file's text): every
    /// difference, classified. An unreadable lock is an error.
    ///
    /// # Errors
    ///
    /// When `lock` is not a lock file errcodes wrote.
    ///
    /// ```
    /// use errcodes::contract::{Contract, Kind, Rule};
    /// use errcodes::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, code = "gone", detail = "Gone.")]
    /// struct Before;
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 410, code = "gone", detail = "Gone.")]
    /// struct After;
    ///
    /// let changes = Contract::of::<After>().compare(&Contract::of::<Before>().to_lock()).unwrap();
    /// assert_eq!(changes[0].rule, Rule::StatusChanged);
    /// assert_eq!(changes[0].kind(), Kind::Breaking);
    /// assert_eq!(changes[0].code, "gone");
    /// // The title followed the status; which type declares it is cosmetic.
    /// assert!(changes[1..].iter().all(|c| c.kind() == Kind::Cosmetic));
    /// ```
    pub fn compare(&self, lock: &str) -> Result<Vec<Change>, String> {
        let locked = lock::read(lock)?;
        Ok(compare::changes(&locked.clauses, &self.clauses))
    }

    /// How today's declaration reaches clients relying on `lock`: the
    /// most severe kind of its changes, `None` when nothing changed.
    ///
    /// # Errors
    ///
    /// When `lock` is not a lock file errcodes wrote.
    ///
    /// ```
    /// use errcodes::contract::{Contract, Kind};
    /// use errcodes::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, code = "gone", detail = "Gone.")]
    /// struct Gone;
    ///
    /// let lock = Contract::of::<Gone>().to_lock();
    /// assert_eq!(Contract::of::<Gone>().verdict(&lock).unwrap(), None);
    /// assert_eq!(Contract::new().verdict(&lock).unwrap(), Some(Kind::Breaking));
    /// ```
    pub fn verdict(&self, lock: &str) -> Result<Option<Kind>, String> {
        Ok(self.compare(lock)?.iter().map(Change::kind).min())
    }

    /// The one call of a contract test: checks this contract against the
    /// lock file at `path` (relative to the crate being tested, where
    /// `cargo test` runs), writing it when there is none. Fails (panics)
    /// on any difference, with a message naming each change and its rule;
    /// see the [module docs](self) for the environment variables that
    /// accept changes.
    ///
    /// # Panics
    ///
    /// When the declaration differs from the lock and the difference is
    /// not accepted, or the lock cannot be read or written.
    pub fn check(&self, path: impl AsRef<Path>) {
        let path = path.as_ref();
        let accept = Accept::from_env();
        let in_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false");
        assert!(
            !(in_ci && accept == Accept::Nothing && !path.exists()),
            "no error-contract lock at {}: run `ERRCODES_CONTRACT=update cargo test` and commit it",
            path.display()
        );
        if let Err(message) = self.check_accepting(path, &accept) {
            panic!("{message}");
        }
    }

    /// [`check`](Contract::check) with what is accepted said explicitly
    /// instead of by the environment: writes a missing lock, rewrites it
    /// when `accept` accepts every change (breaking ones recorded as
    /// acknowledged), and otherwise returns the failure message.
    ///
    /// # Errors
    ///
    /// The message [`check`](Contract::check) panics with.
    ///
    /// ```
    /// use errcodes::contract::{Accept, Contract};
    /// use errcodes::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, code = "gone", detail = "Gone.")]
    /// struct Before;
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 410, code = "gone", detail = "Gone.")]
    /// struct After;
    ///
    /// # let dir = std::env::temp_dir().join(format!("errcodes-accept-doc-{}", std::process::id()));
    /// let path = dir.join("errors.lock");
    /// Contract::of::<Before>().check_accepting(&path, &Accept::Nothing).unwrap();
    /// let refused = Contract::of::<After>().check_accepting(&path, &Accept::Compatible).unwrap_err();
    /// assert!(refused.contains("status-changed"));
    /// let reason = Some("410 says it will not come back".to_owned());
    /// Contract::of::<After>().check_accepting(&path, &Accept::Breaking { reason }).unwrap();
    /// assert!(std::fs::read_to_string(&path).unwrap().contains("410 says it will not come back"));
    /// # std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    pub fn check_accepting(&self, path: impl AsRef<Path>, accept: &Accept) -> Result<(), String> {
        let path = path.as_ref();
        let shown = path.display();
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                return write_lock(path, &lock::write(&self.clauses, &[]));
            }
            Err(err) => {
                return Err(format!(
                    "cannot read the error-contract lock {shown}: {err}"
                ));
            }
        };
        let locked = lock::read(&text).map_err(|err| format!("{shown}: {err}"))?;
        let changes = compare::changes(&locked.clauses, &self.clauses);
        if changes.is_empty() {
            return Ok(());
        }
        let breaking = changes.iter().any(|c| c.kind() == Kind::Breaking);
        let (accepted, reason) = match accept {
            Accept::Breaking { reason } => (true, reason.as_deref()),
            Accept::Compatible => (!breaking, None),
            Accept::Nothing => (false, None),
        };
        if !accepted {
            return Err(compare::report(&shown.to_string(), &changes, accept));
        }
        let mut acknowledged = locked.acknowledged;
        for change in changes.iter().filter(|c| c.kind() == Kind::Breaking) {
            acknowledged.push(change.acknowledgement(reason));
        }
        write_lock(path, &lock::write(&self.clauses, &acknowledged))
    }
}

fn write_lock(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|err| format!("cannot create {}: {err}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|err| {
        format!(
            "cannot write the error-contract lock {}: {err}",
            path.display()
        )
    })
}

/// Which differences from the lock a check accepts (and writes into it).
/// [`Contract::check`] reads it from `ERRCODES_CONTRACT`: unset is
/// `Nothing`, `update` is `Compatible`, `break` is `Breaking` (with
/// `ERRCODES_CONTRACT_REASON` as its reason).
///
/// ```
/// use errcodes::contract::Accept;
///
/// let accept = Accept::Breaking { reason: Some("v2 retires the endpoint".to_owned()) };
/// assert_ne!(accept, Accept::Compatible);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Accept {
    /// No difference: any fails the check.
    Nothing,
    /// Additive and cosmetic changes: the lock is rewritten; a breaking
    /// change still fails.
    Compatible,
    /// Every change; each breaking one is recorded in the lock's
    /// `acknowledged` list, with `reason`.
    Breaking {
        /// Why the break is meant, kept in the lock.
        reason: Option<String>,
    },
}

impl Accept {
    /// What `ERRCODES_CONTRACT` (and `ERRCODES_CONTRACT_REASON`) say.
    ///
    /// ```
    /// // Unset in this doctest's environment.
    /// assert_eq!(errcodes::contract::Accept::from_env(), errcodes::contract::Accept::Nothing);
    /// ```
    #[must_use]
    pub fn from_env() -> Accept {
        match std::env::var("ERRCODES_CONTRACT").as_deref() {
            Ok("update") => Accept::Compatible,
            Ok("break") => Accept::Breaking {
                reason: std::env::var("ERRCODES_CONTRACT_REASON")
                    .ok()
                    .filter(|r| !r.is_empty()),
            },
            _ => Accept::Nothing,
        }
    }
}

/// `my_crate::errors::OrderError<T>` -> `OrderError`.
fn short_type_name(full: &str) -> String {
    let base = full.split('<').next().unwrap_or(full);
    base.rsplit("::").next().unwrap_or(base).to_owned()
}
