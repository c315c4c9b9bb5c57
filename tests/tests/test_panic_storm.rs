//! Under a storm of panics the log gets at most ten a second, each once,
//! and the next line logged says how many were left out: the log neither
//! floods nor loses count. A binary of its own: the limit is the process's.
#![cfg(all(feature = "tracing", feature = "axum"))]

use std::io::Write;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::routing::get;
use errcodes::Envelope;
use errcodes::axum::ErrorLayer;
use http::Request;
use tower::ServiceExt;

/// Everything logged, as text.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn a_storm_of_panics_is_logged_in_bounded_lines_that_keep_count() {
    // The default hook would print every panic on stderr.
    errcodes::quiet_handler_panics();
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    async fn boom() -> &'static str {
        panic!("storm")
    }
    let app = Router::new()
        .route("/boom", get(boom))
        .layer(ErrorLayer::new(Envelope::Problem));
    let send = || async {
        let response = app
            .clone()
            .oneshot(
                Request::get("/boom")
                    .body(axum::body::Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(response.status(), 500, "every panic is answered");
    };
    for _ in 0..40 {
        send().await;
    }
    // A second later the log admits panics again; this one reports the
    // ones left out before it.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    send().await;

    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let lines: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("the handler panicked"))
        .collect();
    let reported: u64 = lines
        .iter()
        .filter_map(|line| {
            let (_, rest) = line.split_once(" (")?;
            rest.split_once(" more panics")?.0.parse::<u64>().ok()
        })
        .sum();
    let storm_lines = (lines.len() - 1) as u64;
    assert!(lines.len() <= 21, "{} lines for 41 panics", lines.len());
    assert!(
        lines
            .last()
            .unwrap()
            .contains("more panics since the last one logged"),
        "{log}"
    );
    // Every panic of the storm is either a line or counted in one.
    assert_eq!(storm_lines + reported, 40, "{log}");
}
