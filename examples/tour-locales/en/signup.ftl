required = This field is required.
    .title = Unprocessable Entity
duplicate = user { $email } already exists
    .title = Conflict
rate_limited = Too many signups; retry in { $retry_after } seconds.
    .title = Too Many Requests
internal = The server hit an unexpected condition.
    .title = Internal Server Error
