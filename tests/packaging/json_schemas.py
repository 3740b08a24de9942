"""What json_test.py and json_docs_test.py share: the schemas of docs/schemas/, their closed
copies and a record of which keys a document used.

The shipped schemas are open (docs/json.md promises readers that keys may be added); the suite
checks roll against a copy in which every object that names its properties takes no other, made
here from the shipped schema so that no second copy is kept by hand.
"""
import copy
import json
import pathlib

import jsonschema


def load(source):
    """{name: schema} for every docs/schemas/NAME.schema.json of a JSON output, each checked as
    draft-07. The schemas of files roll reads ($id urn:roll:file:..., such as the prescription)
    are not JSON outputs: their own tests read them (prescription_schema_test.py)."""
    schemas = {}
    for path in sorted((pathlib.Path(source) / "docs" / "schemas").glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.Draft7Validator.check_schema(schema)
        if str(schema.get("$id", "")).startswith("urn:roll:file:"):
            continue
        schemas[path.name[:-len(".schema.json")]] = schema
    return schemas


# Keywords whose schemas say something of the object around them rather than describe one.
CONDITIONS = ("if", "then", "else", "not")


def closed(schema):
    """A copy of `schema` in which every object schema with `properties` allows no other key.
    Maps (an object whose keys are data, such as seconds per zone) say what their values are
    with `additionalProperties` and no `properties`, and stay as they are. Conditions (`if`,
    `then`, `else`, `not`) name properties of the object they sit in, which holds others too:
    closed, an `if` would never hold and a `then` would refuse every other key."""
    schema = copy.deepcopy(schema)

    def close(node):
        if isinstance(node, dict):
            if "properties" in node and node.get("additionalProperties", True) is True:
                node["additionalProperties"] = False
            for key, value in node.items():
                if key not in CONDITIONS:
                    close(value)
        elif isinstance(node, list):
            for value in node:
                close(value)

    close(schema)
    return schema


class Validator:
    """A closed schema's validator that also notes which of its properties documents used."""

    def __init__(self, schema):
        self.schema = closed(schema)
        self.validator = jsonschema.Draft7Validator(self.schema)
        self.resolver = jsonschema.RefResolver.from_schema(self.schema)
        self.used = set()

    def errors(self, document):
        found = []
        for error in sorted(self.validator.iter_errors(document), key=lambda e: e.path):
            for e in self._branch_errors(error):
                found.append(f"{e.message} at {'/'.join(map(str, e.absolute_path)) or 'the top'}")
        if not found:
            self._note(self.schema, document, "#")
        return found

    @staticmethod
    def _branch_errors(error):
        """For a document that no branch of a oneOf takes, the errors of the branch its kind
        names (the one whose `event` or `kind` constant it matched), not "valid under none"."""
        if error.validator != "oneOf" or not error.context:
            return [error]
        branches = {}
        for sub in error.context:
            branches.setdefault(sub.schema_path[0], []).append(sub)
        for subs in branches.values():
            if not any(list(sub.relative_path)[-1:] in (["event"], ["kind"])
                       and sub.validator == "const" for sub in subs):
                return subs
        return [error]

    def _resolve(self, node, where):
        while "$ref" in node:
            where = node["$ref"]
            node = self.resolver.resolve(where)[1]
        return node, where

    def _note(self, node, value, where):
        node, where = self._resolve(node, where)
        for key in ("oneOf", "anyOf"):
            for number, branch in enumerate(node.get(key, [])):
                branch, at = self._resolve(branch, f"{where}/{key}/{number}")
                if jsonschema.Draft7Validator(branch, resolver=self.resolver).is_valid(value):
                    self._note(branch, value, at)
        if isinstance(value, dict):
            properties = node.get("properties", {})
            for name, item in value.items():
                if name in properties:
                    self.used.add(f"{where}/properties/{name}")
                    self._note(properties[name], item, f"{where}/properties/{name}")
                elif isinstance(node.get("additionalProperties"), dict):
                    self._note(node["additionalProperties"], item,
                               f"{where}/additionalProperties")
        elif isinstance(value, list) and isinstance(node.get("items"), dict):
            for item in value:
                self._note(node["items"], item, f"{where}/items")

    def unused(self):
        """The properties the schema names that no valid document has used."""
        every = set()

        def walk(node, where):
            if isinstance(node, dict):
                for name, sub in node.get("properties", {}).items():
                    every.add(f"{where}/properties/{name}")
                for key, sub in node.items():
                    # Conditions name properties without adding any.
                    if key in CONDITIONS or key == "dependencies":
                        continue
                    if key != "properties":
                        walk(sub, f"{where}/{key}")
                    else:
                        for name, prop in sub.items():
                            walk(prop, f"{where}/properties/{name}")
            elif isinstance(node, list):
                for number, sub in enumerate(node):
                    walk(sub, f"{where}/{number}")

        walk(self.schema, "#")
        return sorted(every - self.used)
