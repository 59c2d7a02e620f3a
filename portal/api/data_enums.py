"""Enums whose values come from the data (the taxonomy's slugs), written into the OpenAPI
document each time it is served, so that a partner building a request from the document alone
picks a value the API accepts. An app registers one with `data_enum()` at import."""

_ENUMS = []  # (document path, method, property, function giving the values)


def data_enum(path, method, name, values):
    _ENUMS.append((path, method, name, values))


def _with_enum(prop, values):
    """The property schema with its string alternative limited to `values` (null stays allowed
    where it was)."""
    if "anyOf" in prop:
        alternatives = [
            {**choice, "enum": values} if choice.get("type") == "string" else choice
            for choice in prop["anyOf"]
        ]
        return {**prop, "anyOf": alternatives}
    return {**prop, "enum": values}


def document_data_enums(schema):
    for path, method, name, values in _ENUMS:
        operation = schema["paths"].get(path, {}).get(method)
        choices = list(values()) if operation else []
        if not choices:  # an empty enum would refuse every value
            continue
        for content in operation.get("requestBody", {}).get("content", {}).values():
            body = content["schema"]
            if name in body.get("properties", {}):
                properties = {**body["properties"]}
                properties[name] = _with_enum(properties[name], choices)
                content["schema"] = {**body, "properties": properties}
    return schema
