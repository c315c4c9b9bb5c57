order_not_found = No order { $arg0 } exists.
    .title = Not Found
throttled = Too many requests; retry later.
    .title = Too Many Requests
internal = The server hit an unexpected condition.
    .title = Internal Server Error
