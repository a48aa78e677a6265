#!/usr/bin/env bash
# Container health check: GET /health/ready on the HTTP listener reports "UP" (the primary, the
# replica pool and the JMS broker answer). Plain bash, the image has no curl.
exec 3<>/dev/tcp/127.0.0.1/8080 || exit 1
printf 'GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
response="$(timeout 5 cat <&3)"
[[ "${response%%$'\r'*}" =~ ^HTTP/1\.[01]\ 200 && "$response" == *'"status":"UP"'* ]]
