# errcodes' own answers: the layers' route errors, negotiation refusals,
# extractor rejections and the framework answers they write again.
not_found = Not found.
    .title = Not Found
method_not_allowed = { $method ->
        [none] The method is not allowed here.
       *[other] Method "{ $method }" not allowed.
    }
    .title = Method Not Allowed
not_acceptable = Could not satisfy the request Accept header.
    .title = Not Acceptable
unsupported_media_type = { $expected ->
        [json] Expected a request with Content-Type: application/json.
        [form] Expected a request with Content-Type: application/x-www-form-urlencoded.
        [foreign] The request's Content-Type is not supported.
       *[other] Unsupported media type in request.
    }
    .title = Unsupported Media Type
malformed_json = { $at ->
        [yes] The request body is not valid JSON (line { $line }, column { $column }).
       *[other] The request body is not valid JSON.
    }
    .title = Bad Request
invalid_body = { $at ->
        [yes] The request body does not have the expected members and types (line { $line }, column { $column }).
       *[other] The request body does not have the expected members and types.
    }
    .title = Unprocessable Entity
body_too_large = The request body is too large.
    .title = Payload Too Large
payload_too_large = The request body is too large.
    .title = Payload Too Large
unreadable_body = The request body could not be read.
    .title = Bad Request
invalid_path = A path parameter is not valid.
    .title = Bad Request
invalid_query = The query string is not valid.
    .title = Bad Request
invalid_form = The form is not valid.
    .title = Unprocessable Entity
bad_request = The request could not be processed.
    .title = Bad Request
unprocessable_entity = The request could not be processed.
    .title = Unprocessable Entity
# What a 5xx says instead of its cause, and the titles of 5xx statuses.
server_error = The server hit an unexpected condition.
    .title = Internal Server Error
internal_server_error = The server hit an unexpected condition.
    .title = Internal Server Error
not_implemented = The server hit an unexpected condition.
    .title = Not Implemented
bad_gateway = The server hit an unexpected condition.
    .title = Bad Gateway
service_unavailable = The server hit an unexpected condition.
    .title = Service Unavailable
gateway_timeout = The server hit an unexpected condition.
    .title = Gateway Timeout

# The generic 5xx texts of the envelopes that have their own: Laravel's
# production message, drf-standardized-errors' server error.
laravel_server_error = Server Error
    .title = Internal Server Error
drf_server_error = A server error occurred.
    .title = Internal Server Error

# A query or path parameter whose value did not parse, by its name.
invalid_query_parameter = The query parameter `{ $parameter }` is not valid.
    .title = Bad Request
invalid_path_parameter = The path parameter `{ $parameter }` is not valid.
    .title = Bad Request
