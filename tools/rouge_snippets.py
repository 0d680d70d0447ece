"""Code snippets in the languages TIL posts use, composed from lines such posts hold, for the
Rouge check (tools/rouge_check.py). Pure data and a seeded composer; imports nothing else."""

from __future__ import annotations

import random

LINES: dict[str, list[str]] = {
    "python": [
        "import numpy as np", "from collections import defaultdict", "def add(a, b=1):",
        "    return a + b", "class Model(nn.Module):", "    def __init__(self, n: int) -> None:",
        "        super().__init__()", "        self.n = n  # hidden size", "x = [i ** 2 for i in range(10)]",
        'print(f"value: {x}")', "@dataclass", "if x is not None and len(x) > 0:",
        "    raise ValueError('bad')", "with open('a.txt') as fh:", "    data = fh.read()",
        "lambda k: k[1]", "result = {'a': 1, \"b\": 2.5, 'c': True}", "for i, v in enumerate(xs):",
        "    continue", "async def main():", "    await asyncio.sleep(0.1)", '"""Docstring."""',
        "try:", "except KeyError as e:", "    pass", "df = pd.read_csv('data.csv')",
        "assert x == 0x1F", "print(len(s), sorted(s, reverse=True))", "self.items: list[str] = []",
        "return None", "y = not x or False", "# a comment", "n = 3.14e-2",
    ],
    "bash": [
        "ls -la", "cd ~/project && git status", "echo \"Hello $USER\"", "export PATH=$HOME/bin:$PATH",
        "for f in *.txt; do", "  echo $f", "done", "if [ -f \"$file\" ]; then", "fi",
        "sudo apt-get install -y python3-pip", "pip install -r requirements.txt", "# comment",
        "docker run -it --rm -p 8080:80 nginx", "cat file.txt | grep -i error | wc -l",
        "mkdir -p build && cd build", "chmod +x run.sh", "kubectl get pods -n default",
        "VAR='single quoted'", "echo ${VAR:-default}", "git commit -m \"fix: typo\"",
        "function greet() {", "  local name=$1", "}", "while read line; do echo $line; done < in.txt",
        "curl -sSL https://example.com/install.sh | bash", "python3 -m venv .venv",
        "source .venv/bin/activate", "npm run build", "tar -xzf archive.tar.gz",
    ],
    "sql": [
        "SELECT id, name FROM users WHERE age > 30;", "select count(*) from orders;",
        "INSERT INTO users (name, email) VALUES ('kim', 'kim@example.com');",
        "UPDATE users SET name = 'lee' WHERE id = 1;", "DELETE FROM logs WHERE created_at < '2024-01-01';",
        "CREATE TABLE items (id INT PRIMARY KEY, title VARCHAR(100) NOT NULL);",
        "SELECT u.name, COUNT(o.id) AS cnt", "FROM users u", "LEFT JOIN orders o ON u.id = o.user_id",
        "GROUP BY u.name", "HAVING COUNT(o.id) > 2", "ORDER BY cnt DESC", "LIMIT 10;",
        "-- a comment", "WITH t AS (SELECT * FROM a)", "SELECT DISTINCT city FROM customers;",
        "DROP TABLE IF EXISTS tmp;", "SELECT * FROM t WHERE name LIKE '%kim%' AND x IS NULL;",
        "SELECT CASE WHEN score >= 90 THEN 'A' ELSE 'B' END FROM grades;",
    ],
    "javascript": [
        "const x = 42;", "let name = 'world';", "function add(a, b) {", "  return a + b;", "}",
        "const f = (x) => x * 2;", "console.log(`Hello ${name}`);", "if (x === null) {",
        "document.getElementById('app').innerHTML = \"hi\";", "import React from 'react';",
        "export default App;", "async function load() {", "  const res = await fetch(url);",
        "// a comment", "/* block */", "arr.map(v => v + 1).filter(Boolean);",
        "class Dog extends Animal {", "  constructor(name) { super(name); }", "var re = /ab+c/g;",
        "const obj = { a: 1, b: [1, 2, 3], c: true };", "for (let i = 0; i < 10; i++) {",
        "module.exports = { run };", "throw new Error('bad');", "typeof x === 'undefined'",
    ],
    "java": [
        "public class Main {", "    public static void main(String[] args) {",
        "        System.out.println(\"Hello\");", "    }", "}", "import java.util.List;",
        "private final int count = 0;", "List<String> names = new ArrayList<>();",
        "@Override", "public String toString() {", "    return \"x\" + count;", "// comment",
        "for (int i = 0; i < n; i++) {", "if (a != null && a.length > 0) {",
        "throw new IllegalArgumentException(\"bad\");", "package com.example.demo;",
        "interface Shape { double area(); }", "Map<String, Integer> m = new HashMap<>();",
        "long big = 10L;", "char c = 'a';", "boolean ok = true;", "try {", "} catch (Exception e) {",
    ],
    "c": [
        "#include <stdio.h>", "#define MAX 100", "int main(void) {", "    printf(\"%d\\n\", x);",
        "    return 0;", "}", "int *p = &x;", "for (int i = 0; i < n; i++) {", "char buf[256];",
        "struct node { int val; struct node *next; };", "// comment", "/* block comment */",
        "static const double PI = 3.14;", "unsigned long n = 10UL;", "if (p == NULL) return -1;",
        "while (*s++) ;", "typedef struct point Point;", "void swap(int *a, int *b);",
        "x = malloc(sizeof(int) * n);", "free(x);", "char c = 'a';",
    ],
    "cpp": [
        "#include <iostream>", "#include <vector>", "using namespace std;", "int main() {",
        "    std::cout << \"hi\" << std::endl;", "    return 0;", "}", "vector<int> v = {1, 2, 3};",
        "for (auto& x : v) {", "class Foo : public Bar {", "public:", "    Foo() = default;",
        "    virtual ~Foo();", "template <typename T>", "T max(T a, T b) { return a > b ? a : b; }",
        "// comment", "auto p = std::make_unique<Foo>();", "const int n = 10;", "nullptr;",
        "namespace app {", "bool ok = true;", "std::string s = \"x\";",
    ],
    "yaml": [
        "name: CI", "on: [push, pull_request]", "jobs:", "  build:", "    runs-on: ubuntu-latest",
        "    steps:", "      - uses: actions/checkout@v4", "      - run: npm test", "# comment",
        "title: \"My post\"", "tags: [a, b]", "enabled: true", "count: 3", "ratio: 0.5",
        "key: 'single'", "empty: null", "list:", "  - one", "  - two", "url: https://example.com",
        "description: >", "  folded text", "version: '3.8'", "services:", "  web:",
        "    image: nginx:latest", "    ports:", "      - \"80:80\"",
        # front-matter shapes (block scalars, anchors, tags, flow maps, documents, Hangul)
        "---", "excerpt: |", "  first line", "  second: line", "summary: >-", "toc_label: \"목차\"",
        "header:", "  teaser: /images/2024-01-01-post/t.png", "  overlay_filter: 0.5",
        "defaults: &defaults", "  layout: single", "post: *defaults", "date: 2024-01-01 10:00:00 +0900",
        "when: !!str 2024", "sidebar: {nav: docs, title: \"Docs\"}", "categories: [TIL, 파이썬]",
        "  - name: \"quoted # not a comment\"", "key with spaces: value # trailing comment",
        "multi: first", "  continued plain", "...", "  -  spaced item", "- top item", "? complex",
        "empty:", "a: 'it''s'", "b: \"tab\\t and \\u00e9\"", "last_modified_at: 2024-03-04",
    ],
    "json": [
        "{", "}", "  \"name\": \"tileditor\",", "  \"version\": 1,", "  \"ok\": true,",
        "  \"items\": [1, 2, 3],", "  \"nested\": {\"a\": null},", "  \"pi\": 3.14", "[",
        "]", "  {\"id\": 1, \"tags\": [\"a\", \"b\"]},", "  \"neg\": -5,",
    ],
    "html": [
        "<!DOCTYPE html>", "<html lang=\"ko\">", "<head>", "  <meta charset=\"utf-8\">",
        "  <title>Test</title>", "</head>", "<body>", "  <div class=\"container\" id=\"main\">",
        "    <p>Hello <b>world</b></p>", "    <img src=\"a.png\" width=\"85%\">", "  </div>",
        "<!-- comment -->", "  <a href=\"https://example.com\">link</a>", "</body>", "</html>",
        "<br>", "<input type=\"text\" disabled>", "&amp; &lt;",
    ],
    "r": [
        "library(ggplot2)", "x <- c(1, 2, 3)", "df <- read.csv(\"data.csv\")", "summary(df)",
        "mean(x, na.rm = TRUE)", "f <- function(a, b = 2) {", "  a + b", "}", "# comment",
        "for (i in 1:10) print(i)", "if (x > 0) {", "plot(x, y, main = 'Title')",
        "df$col <- NULL", "y = x %>% filter(a == 1)", "TRUE", "NA", "m <- matrix(0, nrow = 2)",
    ],
    "console": [
        "$ ls -la", "total 8", "$ python --version", "Python 3.11.4", "$ pip install requests",
        "Successfully installed requests-2.31.0", "$ git status", "On branch main",
        "$ echo $HOME", "/home/user", "# apt-get update", "$ cd project && make",
    ],
}
ALIASES = {"shell": "bash", "sh": "bash", "js": "javascript"}  # also exercised


def compose(rng: random.Random, lang: str) -> str:
    pool = LINES[ALIASES.get(lang, lang)]
    n = rng.randint(1, 5)
    return "\n".join(rng.choice(pool) for _ in range(n)) + "\n"


def snippets(count_per_lang: int, seed: int = 9) -> list[tuple[str, str]]:
    """(lang, code) pairs: `count_per_lang` per language (aliases included), seeded."""
    rng = random.Random(seed)
    langs = [*LINES, *ALIASES]
    return [(lang, compose(rng, lang)) for lang in langs for _ in range(count_per_lang)]
