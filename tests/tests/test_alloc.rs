//! Allocation counts are deterministic, so they are tested: rendering one
//! error into a buffer that already has capacity allocates nothing, in every
//! envelope; a response allocates only its body and its headers.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use errcodes::ApiErrorExt as _;
use errcodes::{ApiError, Envelope};

/// Counts allocations made by the current thread while counting is on
/// (other test threads allocate freely and are not counted).
struct Counting;

thread_local! {
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static COUNT: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded to the system allocator unchanged; the
// thread-locals are const-initialized `Cell`s, which never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

fn count() {
    let _ = COUNTING.try_with(|on| {
        if on.get() {
            let _ = COUNT.try_with(|n| n.set(n.get() + 1));
        }
    });
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// How many allocations `f` makes on this thread.
fn allocations(f: impl FnOnce()) -> usize {
    COUNT.with(|n| n.set(0));
    COUNTING.with(|on| on.set(true));
    f();
    COUNTING.with(|on| on.set(false));
    COUNT.with(Cell::get)
}

#[derive(Debug, ApiError)]
#[api(type_base = "https://errors.example.com/")]
enum OrderError {
    #[api(
        status = 422,
        code = "order_too_large",
        detail = "Order {order} has {items} items; the limit is {limit}."
    )]
    TooLarge {
        order: u64,
        #[api(meta)]
        items: u32,
        #[api(meta)]
        limit: u32,
    },
    #[api(status = 422, code = "required", detail = "This field is required.")]
    Required {
        #[api(attr)]
        field: String,
    },
    #[api(status = 429, detail = "Retry in {seconds} seconds.")]
    Throttled {
        #[api(header = "Retry-After", meta)]
        seconds: u32,
    },
    #[api(status = 500)]
    Io(#[api(source)] std::io::Error),
}

fn errors() -> Vec<OrderError> {
    vec![
        OrderError::TooLarge {
            order: 42,
            items: 13,
            limit: 10,
        },
        OrderError::Required {
            field: "items.0.sku".into(),
        },
        OrderError::Throttled { seconds: 30 },
        OrderError::Io(std::io::Error::other("disk full")),
    ]
}

#[test]
fn rendering_into_a_buffer_with_capacity_allocates_nothing() {
    let mut buf = Vec::with_capacity(4096);
    for err in errors() {
        for envelope in Envelope::ALL {
            buf.clear();
            let n = allocations(|| err.render(envelope, &mut buf));
            if envelope == Envelope::Connect {
                // Connect's details are protobuf, encoded from AIP-193's
                // document read into a JSON model: dozens of small
                // allocations, bounded here so a regression shows.
                assert!(n <= 128, "{envelope} rendering of {err:?}: {n} allocations");
            } else {
                assert_eq!(n, 0, "{envelope} rendering of {err:?} allocated");
            }
            assert!(!buf.is_empty());
        }
    }
}

#[test]
fn the_counter_sees_allocations() {
    // The test above would pass with a broken counter; this one would not.
    assert_eq!(allocations(|| drop(vec![1u8; 16])), 1);
    let err = OrderError::Throttled { seconds: 3 };
    assert!(allocations(|| drop(err.render_to_vec(Envelope::Problem))) >= 1);
}

#[test]
fn a_response_allocates_only_its_body_and_headers() {
    // Connect allocates while it encodes (see above).
    for envelope in Envelope::ALL
        .into_iter()
        .filter(|e| *e != Envelope::Connect)
    {
        // The body (one buffer, sized for it) and the header map's storage
        // (the http crate allocates its table on the first insert).
        let plain = OrderError::TooLarge {
            order: 42,
            items: 13,
            limit: 10,
        };
        let n = allocations(|| drop(plain.to_response_in(envelope)));
        assert!(
            n <= 3,
            "{envelope}: {n} allocations for a response without extra headers"
        );

        // One more header costs one allocation: its value. The text is
        // formatted on the stack.
        let throttled = OrderError::Throttled { seconds: 30 };
        let m = allocations(|| drop(throttled.to_response_in(envelope)));
        assert_eq!(
            m,
            n + 1,
            "{envelope}: {m} allocations with Retry-After vs {n} without"
        );
    }
}
