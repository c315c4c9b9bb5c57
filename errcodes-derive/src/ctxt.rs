//! An accumulator for every mistake found in one derive input.

use std::cell::RefCell;
use std::fmt::Display;

use quote::ToTokens;

/// Collects errors so that one compile reports every mistake, each at its own
/// span, instead of stopping at the first.
pub struct Ctxt {
    // `None` once `check` has consumed the errors.
    errors: RefCell<Option<Vec<syn::Error>>>,
}

impl Ctxt {
    pub fn new() -> Self {
        Ctxt {
            errors: RefCell::new(Some(Vec::new())),
        }
    }

    /// Records an error spanned at `tokens`.
    pub fn error_spanned_by<T: ToTokens, M: Display>(&self, tokens: T, message: M) {
        self.syn_error(syn::Error::new_spanned(tokens, message));
    }

    /// Records an error spanned at `span`.
    pub fn error_at<M: Display>(&self, span: proc_macro2::Span, message: M) {
        self.syn_error(syn::Error::new(span, message));
    }

    /// Records an error produced by syn.
    pub fn syn_error(&self, err: syn::Error) {
        if let Some(errors) = self.errors.borrow_mut().as_mut() {
            errors.push(err);
        }
    }

    /// How many errors were recorded so far.
    pub fn count(&self) -> usize {
        self.errors.borrow().as_ref().map_or(0, Vec::len)
    }

    /// Consumes the accumulator: all errors combined into one, or `Ok`.
    pub fn check(self) -> syn::Result<()> {
        let mut errors = self.errors.borrow_mut().take().unwrap_or_default();
        // In source order, whichever stage found them (parsing templates
        // happens with the model, the other rules after it); a stable sort
        // keeps the order of mistakes at one place.
        errors.sort_by_key(|err| {
            let start = err.span().start();
            (start.line, start.column)
        });
        let mut iter = errors.into_iter();
        let Some(mut combined) = iter.next() else {
            return Ok(());
        };
        for rest in iter {
            combined.combine(rest);
        }
        Err(combined)
    }
}

impl Drop for Ctxt {
    fn drop(&mut self) {
        // A bug in this crate, not in the user's code: errors were collected
        // and then forgotten. Never silently drop them.
        if !std::thread::panicking() && self.errors.borrow().is_some() {
            panic!("errcodes-derive: Ctxt dropped without calling check()");
        }
    }
}

/// `on line N` for a span, naming an earlier place in a message about a
/// later one; empty where the compiler gives no line.
pub fn on_line(span: proc_macro2::Span) -> String {
    match span.start().line {
        0 => String::new(),
        line => format!(" on line {line}"),
    }
}
