"""What the OpenAPI document says about keys: trusted partner systems send `X-Api-Key`
(ENGAGEMENT_API_KEYS) with submissions and skip the challenge; an operation that accepts it
names PARTNER_KEY in its `security`."""

PARTNER_KEY = "partnerKey"
SCHEMES = {
    PARTNER_KEY: {
        "type": "apiKey",
        "in": "header",
        "name": "X-Api-Key",
        "description": "A trusted partner system's key: its submissions skip the challenge.",
    }
}


def document_security(schema):
    schema["components"]["securitySchemes"] = SCHEMES
    return schema
