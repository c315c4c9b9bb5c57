//! Whatever text goes in comes back out: details, paths, parameter names and
//! meta values made of awkward characters (quotes, backslashes, control
//! characters, `~`, `/`, `.`, non-ASCII) always give valid JSON whose
//! members hold exactly the input, in every envelope.

use errcodes::ApiErrorExt as _;
use errcodes::{ApiError, ApiErrors, Envelope, FieldError, FieldPath};
use serde_json::Value;

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn text(&mut self) -> String {
        const PIECES: &[&str] = &[
            "a", "Z", "0", " ", "\"", "\\", "/", "~", ".", "{", "}", "\n", "\t", "\r", "\u{0}",
            "\u{1f}", "\u{7f}", "é", "😀", "~1", "~0", "%", "#", "<", "&",
        ];
        let len = self.next() % 12;
        (0..len)
            .map(|_| PIECES[(self.next() % PIECES.len() as u64) as usize])
            .collect()
    }
}

#[derive(Debug, ApiError)]
#[api(status = 422)]
enum Echo {
    #[api(detail = "{0}")]
    Detail(String),
    #[api(detail = "x")]
    Meta(#[api(meta = "value")] String),
    #[api(detail = "x")]
    Attr(#[api(attr)] String),
}

fn parse(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes)
        .unwrap_or_else(|e| panic!("invalid JSON {e}: {}", String::from_utf8_lossy(bytes)))
}

/// Undoes RFC 6901 escaping of one pointer segment.
fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

#[test]
fn details_and_meta_round_trip() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..500 {
        let text = rng.text();
        let detail = Echo::Detail(text.clone());
        assert_eq!(
            parse(&detail.render_to_vec(Envelope::Laravel))["message"],
            text.as_str()
        );
        assert_eq!(
            parse(&detail.render_to_vec(Envelope::Problem))["detail"],
            text.as_str()
        );
        assert_eq!(
            parse(&detail.render_to_vec(Envelope::JsonApi))["errors"][0]["detail"],
            text.as_str()
        );
        assert_eq!(
            parse(&detail.render_to_vec(Envelope::Drf))["errors"][0]["detail"],
            text.as_str()
        );
        assert_eq!(
            parse(&detail.render_to_vec(Envelope::ShipStream))["errors"][0]["message"],
            text.as_str()
        );
        let meta = Echo::Meta(text.clone());
        assert_eq!(
            parse(&meta.render_to_vec(Envelope::JsonApi))["errors"][0]["meta"]["value"],
            text.as_str()
        );
        assert_eq!(
            parse(&meta.render_to_vec(Envelope::Problem))["value"],
            text.as_str()
        );
    }
}

#[test]
fn paths_round_trip() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for _ in 0..300 {
        let segments: Vec<String> = (0..1 + rng.next() % 3).map(|_| rng.text()).collect();
        let path: FieldPath = segments.iter().cloned().collect();
        let errors = ApiErrors::from_errors([FieldError::new(path.clone(), "c", "d")]).unwrap();
        for envelope in Envelope::ALL {
            parse(&errors.render_to_vec(envelope));
        }
        // JSON:API: the pointer splits back into the segments.
        let doc = parse(&errors.render_to_vec(Envelope::JsonApi));
        let pointer = doc["errors"][0]["source"]["pointer"]
            .as_str()
            .unwrap()
            .to_owned();
        let rest = pointer.strip_prefix("/data/attributes").unwrap();
        let back: Vec<String> = rest.split('/').skip(1).map(unescape).collect();
        assert_eq!(back, segments, "{pointer}");
        // The dotted envelopes write the segments joined with dots.
        let drf = parse(&errors.render_to_vec(Envelope::Drf));
        assert_eq!(drf["errors"][0]["attr"], segments.join(".").as_str());
        // Problem: a URI fragment, so no raw space, quote or control character.
        let problem = parse(&errors.render_to_vec(Envelope::Problem));
        let fragment = problem["errors"][0]["pointer"].as_str().unwrap();
        assert!(fragment.starts_with("#/"));
        assert!(
            fragment
                .chars()
                .all(|c| c.is_ascii_graphic() && !"\"<>\\\\^`{|}".contains(c)),
            "{fragment}"
        );

        // A runtime attr with the dotted form goes through the same writers.
        let dotted = segments.join(".");
        let attr = Echo::Attr(dotted.clone());
        assert_eq!(
            parse(&attr.render_to_vec(Envelope::Drf))["errors"][0]["attr"],
            dotted.as_str()
        );
        parse(&attr.render_to_vec(Envelope::JsonApi));
    }
}

#[test]
fn parameter_names_round_trip() {
    let mut rng = Rng(42);
    for _ in 0..200 {
        let name = rng.text();
        let errors =
            ApiErrors::from_errors([FieldError::parameter(name.clone(), "c", "d")]).unwrap();
        let doc = parse(&errors.render_to_vec(Envelope::JsonApi));
        assert_eq!(doc["errors"][0]["source"]["parameter"], name.as_str());
        let laravel = parse(&errors.render_to_vec(Envelope::Laravel));
        assert_eq!(laravel["errors"][name.as_str()][0], "d");
    }
}
