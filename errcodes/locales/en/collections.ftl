# The summary of a collection (Problem `detail`, ShipStream `message`) and
# Laravel's "(and N more errors)".
fields_failed = { $fields ->
        [one] 1 field failed validation.
       *[other] { $fields } fields failed validation.
    }
fields_failed_errors = { $fields ->
        [one] 1 field failed validation ({ $errors } errors).
       *[other] { $fields } fields failed validation ({ $errors } errors).
    }
errors_occurred = { $errors ->
        [one] 1 error occurred.
       *[other] { $errors } errors occurred.
    }
and_more_errors = { $count ->
        [one] (and 1 more error)
       *[other] (and { $count } more errors)
    }
# The titles of statuses an error leaves as the reason phrase.
unauthorized = Unauthorized.
    .title = Unauthorized
forbidden = Forbidden.
    .title = Forbidden
conflict = Conflict.
    .title = Conflict
gone = Gone.
    .title = Gone
too_many_requests = Too many requests.
    .title = Too Many Requests
