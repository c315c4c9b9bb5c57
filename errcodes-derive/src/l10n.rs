//! `#[api(locales = "...")]`: a type's Fluent catalogs, read and checked at
//! compile time. The folder (beside `Cargo.toml`) holds one subfolder per
//! locale, each with `.ftl` files; a variant's code is its message id, the
//! message's value its detail, its `.title` attribute its title, and the
//! fields its `detail` template reads are the message's variables.
//!
//! Checked: every file parses (an error names file and line); the fallback
//! locale exists and has a message for every code sent; no message uses a
//! variable its variant lacks; `.title` has no placeables (a title is
//! static text); every other locale has every code, unless the type says
//! `partial_locales`. Emitted: `ApiError::message` (the sources embedded
//! with `include_str!`, so a changed catalog rebuilds the crate) and
//! `impl MessageArgs`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use fluent_syntax::ast;
use syn::{LitStr, Member};

use crate::ast::{Input, Variant};
use crate::ctxt::Ctxt;
use crate::decode::{Reading, Said};
use crate::prop;

/// A type's catalogs as read.
pub struct Catalogs {
    pub(crate) fallback: String,
    pub(crate) locales: Vec<Locale>,
}

/// One locale's files and the messages they hold.
pub(crate) struct Locale {
    pub(crate) tag: String,
    /// Each file's absolute path, for `include_str!`.
    pub(crate) files: Vec<PathBuf>,
    messages: BTreeMap<String, Message>,
}

/// What a message has.
struct Message {
    variables: BTreeSet<String>,
    title: Option<bool>,
    /// How its value reads, for the client to read a detail back.
    readings: Vec<Reading>,
}

/// At most this many readings of one message (selects multiply them).
const MAX_READINGS: usize = 32;

impl Catalogs {
    /// How the message `code` reads in every locale, each reading once.
    pub fn readings(&self, code: &str) -> Vec<Reading> {
        let mut all: Vec<Reading> = Vec::new();
        for reading in self
            .locales
            .iter()
            .filter_map(|locale| locale.messages.get(code))
            .flat_map(|message| &message.readings)
        {
            if !all.contains(reading) {
                all.push(reading.clone());
            }
        }
        all
    }
}

/// Each way `pattern` can read: one per variant of each select; empty when
/// it holds what cannot be read back (a function, a reference to another
/// message or term, an escaped literal) or too many ways.
fn pattern_readings(pattern: &ast::Pattern<&str>) -> Vec<Reading> {
    let mut readings: Vec<Reading> = vec![Vec::new()];
    for element in &pattern.elements {
        let ways = match element {
            ast::PatternElement::TextElement { value } => {
                vec![vec![Said::Text((*value).to_owned())]]
            }
            ast::PatternElement::Placeable { expression } => expression_readings(expression),
        };
        if ways.is_empty() || readings.len() * ways.len() > MAX_READINGS {
            return Vec::new();
        }
        readings = readings
            .iter()
            .flat_map(|before| {
                ways.iter().map(move |way| {
                    let mut joined = before.clone();
                    for said in way {
                        push_said(&mut joined, said.clone());
                    }
                    joined
                })
            })
            .collect();
    }
    readings
}

/// Appends `said`, joining adjacent texts.
fn push_said(reading: &mut Reading, said: Said) {
    if let (Some(Said::Text(last)), Said::Text(more)) = (reading.last_mut(), &said) {
        last.push_str(more);
        return;
    }
    reading.push(said);
}

fn expression_readings(expression: &ast::Expression<&str>) -> Vec<Reading> {
    match expression {
        ast::Expression::Inline(inline) => match inline {
            ast::InlineExpression::VariableReference { id } => {
                vec![vec![Said::Var(id.name.to_owned())]]
            }
            ast::InlineExpression::StringLiteral { value } if !value.contains('\\') => {
                vec![vec![Said::Text((*value).to_owned())]]
            }
            ast::InlineExpression::NumberLiteral { value } => {
                vec![vec![Said::Text((*value).to_owned())]]
            }
            ast::InlineExpression::Placeable { expression } => expression_readings(expression),
            _ => Vec::new(),
        },
        ast::Expression::Select { variants, .. } => {
            let mut all = Vec::new();
            for variant in variants {
                let ways = pattern_readings(&variant.value);
                if ways.is_empty() {
                    return Vec::new();
                }
                all.extend(ways);
            }
            all
        }
    }
}

/// A field's name as a Fluent variable: its name, `arg0` for field `0`.
pub fn variable(member: &Member) -> String {
    crate::decode::fluent_name(member)
}

/// Reads the folder `lit` names (relative to the crate's `Cargo.toml`);
/// `None` after reporting why it cannot be read.
pub fn load(cx: &Ctxt, input: &Input, lit: &LitStr) -> Option<Catalogs> {
    let root = std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(PathBuf::new, PathBuf::from);
    let dir = root.join(lit.value());
    let Ok(entries) = std::fs::read_dir(&dir) else {
        cx.error_spanned_by(
            lit,
            // The crate by name, not the folder by its absolute path: the
            // message is the same on every machine and in every target dir.
            format!(
                "no folder `{}` beside the Cargo.toml of `{}`; it holds one folder per locale, e.g. `{}/en/errors.ftl`",
                lit.value(),
                std::env::var("CARGO_PKG_NAME").unwrap_or_default(),
                lit.value()
            ),
        );
        return None;
    };
    let mut folders: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    let mut locales = Vec::new();
    let mut ok = true;
    for folder in folders {
        let tag = folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !is_locale_tag(&tag) {
            cx.error_spanned_by(
                lit,
                format!("`{}/{tag}` is not a locale: name each folder by its language tag, e.g. `en`, `de`, `pt-BR`", lit.value()),
            );
            ok = false;
            continue;
        }
        let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        let mut messages = BTreeMap::new();
        for file in &files {
            let shown = format!(
                "{}/{tag}/{}",
                lit.value(),
                file.file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default()
            );
            let Ok(source) = std::fs::read_to_string(file) else {
                cx.error_spanned_by(lit, format!("cannot read {shown}"));
                ok = false;
                continue;
            };
            match fluent_syntax::parser::parse(source.as_str()) {
                Ok(resource) => read_messages(&resource, &mut messages),
                Err((_, errors)) => {
                    for error in errors {
                        // The entry the error is in, else where it was found.
                        let at = error.slice.as_ref().map_or(error.pos.start, |s| s.start);
                        let line = source[..at.min(source.len())].matches('\n').count() + 1;
                        cx.error_spanned_by(lit, format!("{shown}:{line}: {error}"));
                    }
                    ok = false;
                }
            }
        }
        locales.push(Locale {
            tag,
            files,
            messages,
        });
    }
    let fallback = input
        .attrs
        .fallback_locale
        .as_ref()
        .map_or_else(|| "en".to_owned(), LitStr::value);
    if ok && !locales.iter().any(|l| l.tag == fallback) {
        let span_lit = input.attrs.fallback_locale.as_ref().unwrap_or(lit);
        cx.error_spanned_by(
            span_lit,
            format!(
                "no folder for the fallback locale `{fallback}` in `{}`; add `{}/{fallback}/errors.ftl`, or name another with `fallback_locale = \"...\"`",
                lit.value(),
                lit.value()
            ),
        );
        ok = false;
    }
    ok.then_some(Catalogs { fallback, locales })
}

/// Whether `tag` reads as a BCP 47 language tag: letters, digits and `-`,
/// starting with 2 or 3 letters.
fn is_locale_tag(tag: &str) -> bool {
    let language = tag.split('-').next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && tag.len() <= 35
        && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !tag.ends_with('-')
        && !tag.contains("--")
}

fn read_messages(resource: &ast::Resource<&str>, out: &mut BTreeMap<String, Message>) {
    for entry in &resource.body {
        if let ast::Entry::Message(message) = entry {
            let mut variables = BTreeSet::new();
            if let Some(value) = &message.value {
                pattern_variables(value, &mut variables);
            }
            let title = message
                .attributes
                .iter()
                .find(|a| a.id.name == "title")
                .map(|a| {
                    a.value
                        .elements
                        .iter()
                        .all(|e| matches!(e, ast::PatternElement::TextElement { .. }))
                });
            for attribute in &message.attributes {
                pattern_variables(&attribute.value, &mut variables);
            }
            let readings = message
                .value
                .as_ref()
                .map(pattern_readings)
                .unwrap_or_default();
            out.insert(
                message.id.name.to_owned(),
                Message {
                    variables,
                    title,
                    readings,
                },
            );
        }
    }
}

fn pattern_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => inline_variables(inline, out),
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
            for argument in &arguments.named {
                inline_variables(&argument.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

/// The variables a variant gives its message: the fields its `detail`
/// template reads.
fn variables_of(variant: &Variant) -> Vec<String> {
    variant
        .detail
        .as_ref()
        .map(|t| t.used.iter().map(variable).collect())
        .unwrap_or_default()
}

/// Checks every variant against the catalogs.
pub fn check(cx: &Ctxt, input: &Input, catalogs: &Catalogs, lit: &LitStr) {
    let folder = lit.value();
    for variant in &input.variants {
        if variant.attrs.transparent.is_some() || !prop::code_sent(input, variant) {
            continue;
        }
        let name = prop::variant_name(input, variant);
        let code = prop::effective_code(input, variant);
        let variables = variables_of(variant);
        for locale in &catalogs.locales {
            let tag = &locale.tag;
            let Some(message) = locale.messages.get(&code) else {
                if *tag == catalogs.fallback {
                    cx.error_spanned_by(
                        variant.span_node,
                        format!("no message `{code}` in the fallback locale `{tag}` ({folder}/{tag}); add `{code} = ...` (the detail) with `.title = ...`"),
                    );
                } else if input.attrs.partial_locales.is_none() {
                    cx.error_spanned_by(
                        variant.span_node,
                        format!("no message `{code}` in locale `{tag}` ({folder}/{tag}); add it, or declare `#[api(partial_locales)]` on the type to answer in `{}` where a locale has none", catalogs.fallback),
                    );
                }
                continue;
            };
            for unknown in message.variables.iter().filter(|v| !variables.contains(v)) {
                let can = if variables.is_empty() {
                    "its detail reads no field".to_owned()
                } else {
                    format!(
                        "it can use {}",
                        variables
                            .iter()
                            .map(|v| format!("`${v}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                cx.error_spanned_by(
                    variant.span_node,
                    format!("message `{code}` in `{tag}` uses `${unknown}`, which `{name}` does not give: {can} (the fields its `detail` reads)"),
                );
            }
            if message.title == Some(false) {
                cx.error_spanned_by(
                    variant.span_node,
                    format!("`{code}.title` in `{tag}` has a placeable; a title is the same for every occurrence: write it as plain text"),
                );
            }
        }
    }
}
