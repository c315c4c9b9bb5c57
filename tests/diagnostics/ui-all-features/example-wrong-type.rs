use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum StockError {
    #[api(status = 409, code = "out_of_stock", detail = "Only {left} left.")]
    OutOfStock {
        #[api(meta, example = "three")]
        left: u32,
    },
}

fn main() {}
