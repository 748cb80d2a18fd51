#!/usr/bin/env python3
"""Writes NOTICE from what the distribution ships: the jars in the built assembly's system/ and lib/boot/, and the
jars embedded in Entraide's own bundles, each with the licence its Maven POM (or a parent's) declares.

usage: python3 assembly/src/notice/notice.py ~/.m2/repository > NOTICE   (after mvn install -DskipTests)
"""
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
ASSEMBLY = os.path.join(ROOT, "assembly", "target", "assembly")
M2 = sys.argv[1] if len(sys.argv) > 1 else os.path.expanduser("~/.m2/repository")
NS = "{http://maven.apache.org/POM/4.0.0}"


def pom_path(group, artifact, version):
    return os.path.join(M2, group.replace(".", "/"), artifact, version, f"{artifact}-{version}.pom")


def licences(group, artifact, version, depth=0):
    path = pom_path(group, artifact, version)
    if depth > 8 or not os.path.exists(path):
        return []
    try:
        pom = ET.parse(path).getroot()
    except ET.ParseError:
        return []
    names = [n.text.strip() for n in pom.findall(f"{NS}licenses/{NS}license/{NS}name") if n.text]
    if names:
        return names
    parent = pom.find(f"{NS}parent")
    if parent is None:
        return []
    g, a, v = (parent.find(f"{NS}{t}") for t in ("groupId", "artifactId", "version"))
    return licences(g.text, a.text, v.text, depth + 1)


def from_repository_path(jar, base):
    parts = os.path.relpath(jar, base).split(os.sep)
    return ".".join(parts[:-3]), parts[-3], parts[-2]


# Libraries whose classes the core copies into itself (Private-Package of bundles/core/pom.xml): no jar to find.
INLINED = [("org.commonmark", "commonmark", "commonmark.version"),
           ("com.googlecode.owasp-java-html-sanitizer", "owasp-java-html-sanitizer", "owasp.sanitizer.version"),
           ("com.googlecode.owasp-java-html-sanitizer", "java8-shim", "owasp.sanitizer.version"),
           ("com.googlecode.owasp-java-html-sanitizer", "java10-shim", "owasp.sanitizer.version"),
           ("com.twelvemonkeys.imageio", "imageio-webp", "twelvemonkeys.version"),
           ("com.twelvemonkeys.imageio", "imageio-core", "twelvemonkeys.version"),
           ("com.twelvemonkeys.imageio", "imageio-metadata", "twelvemonkeys.version"),
           ("com.twelvemonkeys.common", "common-lang", "twelvemonkeys.version"),
           ("com.twelvemonkeys.common", "common-io", "twelvemonkeys.version"),
           ("com.twelvemonkeys.common", "common-image", "twelvemonkeys.version")]

# What a POM that cannot be read here would say, by group, for the projects the distribution ships.
KNOWN = {"org.apache": "Apache License 2.0", "com.google.code.gson": "Apache License 2.0", "org.ops4j": "Apache License 2.0", "org.osgi": "Apache License 2.0",
         "javax.enterprise": "Apache License 2.0", "com.h2database": "Mozilla Public License 2.0 OR Eclipse Public License 1.0",
         "org.bouncycastle": "MIT (Bouncy Castle Licence)", "org.eclipse.platform": "Eclipse Public License 2.0",
         "javax.interceptor": "CDDL 1.1 OR GPL2 w/ CPE", "javax.transaction": "CDDL 1.1 OR GPL2 w/ CPE",
         "jakarta.el": "Eclipse Public License 2.0 OR GPL2 w/ CPE",
         "org.eclipse.angus": "BSD 3-Clause (Eclipse Distribution License 1.0) OR Eclipse Public License 2.0 OR GPL2 w/ CPE"}


def embedded(bundle):
    """The jars a bundle embeds (Bundle-ClassPath, -includeresource), by the Maven coordinates they carry."""
    found = []
    with zipfile.ZipFile(bundle) as z:
        for name in z.namelist():
            if not name.endswith(".jar"):
                continue
            with zipfile.ZipFile(z.open(name)) as inner:
                for entry in inner.namelist():
                    if entry.startswith("META-INF/maven/") and entry.endswith("/pom.properties"):
                        props = dict(l.split("=", 1) for l in inner.read(entry).decode().splitlines()
                                     if "=" in l and not l.startswith("#"))
                        found.append((props["groupId"].strip(), props["artifactId"].strip(), props["version"].strip()))
    return found


def root_property(name):
    with open(os.path.join(ROOT, "pom.xml")) as f:
        return re.search(rf"<{re.escape(name)}>([^<]+)</", f.read()).group(1)


def normalise(name):
    n = name.lower()
    if "apache" in n and "2" in n or n == "alv2":
        return "Apache License 2.0"
    if "eclipse public license" in n and "2" in n or n.startswith("epl 2") or "epl-2" in n:
        return "Eclipse Public License 2.0"
    if "eclipse distribution" in n or n.startswith("edl") or "bsd-3" in n or "bsd 3" in n:
        return "BSD 3-Clause (Eclipse Distribution License 1.0)" if "eclipse" in n or n.startswith("edl") else "BSD 3-Clause"
    if "mpl" in n or "mozilla" in n:
        return "Mozilla Public License 2.0"
    if "bsd" in n:
        return "BSD"
    if n.startswith("mit") or " mit" in n:
        return name
    if "gnu" in n or "gpl" in n:
        return name
    return name


def main():
    artifacts = set()
    for jar in glob.glob(os.path.join(ASSEMBLY, "system", "**", "*.jar"), recursive=True):
        artifacts.add(from_repository_path(jar, os.path.join(ASSEMBLY, "system")))
    for jar in glob.glob(os.path.join(ASSEMBLY, "lib", "boot", "*.jar")):
        hits = glob.glob(os.path.join(M2, "**", os.path.basename(jar)), recursive=True)
        if hits:
            artifacts.add(from_repository_path(hits[0], M2))
    for bundle in glob.glob(os.path.join(ASSEMBLY, "system", "org", "entraide", "*", "*", "*.jar")):
        artifacts.update(embedded(bundle))
    for g, a, prop in INLINED:
        artifacts.add((g, a, root_property(prop)))
    by_licence = {}
    for g, a, v in sorted(artifacts):
        if g == "org.entraide":
            continue
        names = licences(g, a, v) or [next((l for prefix, l in KNOWN.items() if g.startswith(prefix)),
                                            "see the project's site (no licence in its POM)")]
        label = " OR ".join(sorted({normalise(n) for n in names}))
        by_licence.setdefault(label, []).append(f"{g}:{a}:{v}")
    print("Entraide")
    print("Copyright the Entraide authors. Licensed under the Apache License, Version 2.0 (LICENSE).")
    print()
    print("The distribution (assembly/target/entraide-<version>.tar.gz) is an Apache Karaf server and bundles the")
    print("third-party libraries below, in system/ and lib/boot/ or embedded in Entraide's own bundles")
    print("(org.entraide.camel, org.entraide.core), each under its own licence, grouped by licence.")
    print("This file is generated by assembly/src/notice/notice.py from the built distribution.")
    for label in sorted(by_licence):
        print()
        print(f"== {label} ==")
        for coordinate in by_licence[label]:
            print(f"  {coordinate}")


main()
