"""The `letopis` command."""
from __future__ import annotations

import contextlib
import csv
import json
import logging
import os
import sys
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import click

db_option = click.option("--db", "db", default=None, help="Database URL (default: $LETOPIS_DB or sqlite:///letopis.db).")


@click.group()
@click.version_option(package_name="letopis", message="%(prog)s %(version)s")
@click.option("-v", "--verbose", is_flag=True, help="Log what the stages do.")
def main(verbose: bool) -> None:
    """Letopis: raw political news in, an evidence-backed chronicle of events out."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--published", help="Publication date for documents that give none.")
@click.option("--outlet", help="Outlet name for documents that give none.")
@click.option("--lang", "language", type=click.Choice(["ru", "en"]), help="Language of every document.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes for the per-document stages (default: the machine's cores; a small batch uses fewer).")
@db_option
def ingest(paths: tuple[str, ...], published: str | None, outlet: str | None, language: str | None,
           workers: int | None, db: str | None) -> None:
    """Read files or folders, run the pipeline, store the results.

    Example: letopis ingest examples/ --db sqlite:///news.db --workers 2
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from letopis.ingest import read_paths
    from letopis.ingest.batch import ingest_documents
    from letopis.store import Store

    store = Store(db)
    console = Console(stderr=True)
    docs = list(read_paths(paths))
    started = time.monotonic()
    last = [started]

    def plain(done: int, total: int) -> None:  # not a terminal: a log line every ten seconds
        now = time.monotonic()
        if now - last[0] >= 10 or done == total:
            last[0] = now
            rate = done / max(now - started, 1e-6)
            eta = (total - done) / rate if rate else 0
            click.echo(f"ingest: {done}/{total} documents, {rate:.1f} docs/s, ETA {eta:.0f} s", err=True)

    if console.is_terminal:
        columns = (TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[rate]} docs/s"), TimeRemainingColumn())
        with Progress(*columns, console=console, transient=True) as bar:
            task = bar.add_task("ingest", total=len(docs), rate="–")

            def advance(done: int, total: int) -> None:
                rate = done / max(time.monotonic() - started, 1e-6)
                bar.update(task, completed=done, rate=f"{rate:.1f}")

            report = ingest_documents(store, docs, workers=workers, progress=advance,
                                      defaults={"published": published, "outlet": outlet, "language": language})
    else:
        report = ingest_documents(store, docs, workers=workers, progress=plain if len(docs) > 50 else None,
                                  defaults={"published": published, "outlet": outlet, "language": language})
    click.echo(report.line())
    for source, reason in report.rejected:
        click.echo(f"  rejected {source}: {reason}")
    for source, notice in report.notices:
        click.echo(f"  notice {source}: {notice}")
    logging.getLogger("letopis.ingest").info(
        "%d documents in %.1f s with %d worker(s); peak RSS per worker: %s MB", report.read, report.seconds,
        report.workers, ", ".join(f"{r:.0f}" for r in report.worker_rss_mb) or "-")


@main.command()
@db_option
def rebuild(db: str | None) -> None:
    """Regroup every stored article into stories and merge their events from scratch.

    Ingest keeps stories and events up to date article by article; a rebuild gives the same result,
    and is there after a change of the grouping rules or a repair.
    Example: letopis rebuild --db sqlite:///news.db
    """
    from letopis.store import Store

    started = time.monotonic()
    store = Store(db)
    store.rebuild_corpus()
    click.echo(f"rebuilt stories and events in {time.monotonic() - started:.1f} s")


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--published", help="Publication date (overrides the text).")
@click.option("--explain", is_flag=True, help="Print each input line with the cleaner's decision and rule.")
@click.option("--explain-events", is_flag=True,
              help="Print, for each sentence, the triggers considered, the arguments found and why an event was made or not.")
def process(file: str, published: str | None, explain: bool, explain_events: bool) -> None:
    """Run the pipeline on one document without a database and print the article as JSON.

    Example: letopis process examples/ru_phone_call.txt
    """
    from letopis.ingest.readers import read_file
    from letopis.model import Rejected, event_record
    from letopis.pipeline import Pipeline

    doc = next(read_file(Path(file)))
    if isinstance(doc, Rejected):
        raise click.ClickException(f"{doc.source}: {doc.reason}")
    doc.published = doc.published or published
    result = Pipeline()(doc)
    if isinstance(result, Rejected):
        raise click.ClickException(f"{result.source}: {result.reason}")
    if explain:
        for line, decision, rule in result.decisions:
            click.echo(f"{decision:5} {rule:18} {line[:100]}")
        return
    if explain_events:
        from letopis.events.extract import EventExtractor
        from letopis.link.kb import default_kb

        for line in EventExtractor(default_kb()).explain(result):
            click.echo(line)
        return
    record = result.to_record()
    record["events"] = [event_record(e) for e in result.events]
    click.echo(json.dumps(record, ensure_ascii=False, indent=2))


@main.command()
@click.argument("kind", type=click.Choice(["articles", "events", "entities", "stories", "quotes"]))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl",
              help="jsonl (any kind), csv (events, GDELT-style) or parquet (any kind; needs -o).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of standard output.")
@click.option("--since", help="Events dated on or after this date.")
@click.option("--until", help="Events dated on or before this date.")
@click.option("--actor", help="Events with an actor of this name or id.")
@db_option
def export(kind: str, fmt: str, output: str | None, since: str | None, until: str | None, actor: str | None,
           db: str | None) -> None:
    """Write stored records as JSONL, Parquet, or events as a GDELT-style CSV.

    Example: letopis export events --format csv -o events.csv
             letopis export events --format parquet -o events.parquet
    """
    from letopis.store import Store

    if fmt == "csv" and kind != "events":
        raise click.UsageError("--format csv is for events")
    if fmt == "parquet" and not output:
        raise click.UsageError("--format parquet writes a file: give it with -o")
    store = Store(db)
    rows = store.events(since, until, actor) if kind == "events" else getattr(store, kind)()
    if fmt == "parquet":
        from letopis.store.parquet import write_parquet

        rows = [row if kind == "events" else {k: v for k, v in row.items() if k != "sources"} for row in rows]
        n = write_parquet(kind, rows, output)
        click.echo(f"wrote {n} {kind} to {output}", err=True)
        return
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(open(output, "w", encoding="utf-8", newline="")) if output else sys.stdout
        if fmt == "csv":
            _events_csv(rows, out)
        else:
            for row in rows:
                if kind != "events":
                    row.pop("sources", None)
                out.write(json.dumps(row, ensure_ascii=False) + "\n")


@main.command()
@click.option("--limit", default=50, show_default=True, help="How many events to show.")
@db_option
def show(limit: int, db: str | None) -> None:
    """Print a readable table of the stored events, newest first.

    Example: letopis show --db sqlite:///letopis-sample.db
    """
    from rich.console import Console
    from rich.table import Table

    from letopis.store import Store

    table = Table(title="Letopis: events", show_lines=False)
    for col in ("date", "type", "mode", "status", "actors", "place", "sources", "evidence"):
        table.add_column(col, overflow="fold")
    rows = sorted(Store(db).events(), key=lambda e: e["date"] or "", reverse=True)[:limit]
    for e in rows:
        actors = ", ".join(f"{a['name']}" + ("→" if a["role"] == "source" else "") for a in e["actors"])
        table.add_row(e["date"] or "—", e["type"], e["mode"] or "", e["status"], actors,
                      (e["location"] or {}).get("name", ""), str(e["sources"]), e["evidence"][0]["text"][:90])
    Console(width=200).print(table)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--token", envvar="LETOPIS_TOKEN", help="Operator token that allows POST /api/ingest (off without it).")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Server processes (many clients at once: one per core).")
@db_option
def serve(host: str, port: int, token: str | None, workers: int, db: str | None) -> None:
    """Serve the JSON API under /api/ and the web pages under /.

    Example: letopis serve --db sqlite:///letopis-sample.db --port 8000 --workers 2
    """
    try:
        import uvicorn

        from letopis.api import create_app
    except ImportError as e:
        raise click.ClickException(f"serving needs the server extra: pip install 'letopis[server]' ({e})") from e

    app = create_app(db, token=token)  # migrates the store once, before any worker starts
    click.echo(f"Letopis is serving {app.state.store.url} at http://{host}:{port}/ (API: /api/, docs: /api/docs)"
               + (f" with {workers} processes" if workers > 1 else ""))
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    os.environ["LETOPIS_DB"] = app.state.store.url  # each worker process builds the same app from these
    if token:
        os.environ["LETOPIS_TOKEN"] = token
    uvicorn.run("letopis.api:app_from_environment", factory=True, host=host, port=port, workers=workers,
                log_level="warning")


@main.command()
@db_option
def doctor(db: str | None) -> None:
    """What this installation is made of: versions, where the models, knowledge base and front-end files
    are, which extras are installed, the database URL. Exits with 1 when something the core needs is missing.

    Example: letopis doctor
    """
    from letopis.doctor import diagnose

    report = diagnose(db)
    click.echo(report.text())
    if report.problems:
        sys.exit(1)


@main.group()
def spark() -> None:
    """Scale out: the per-document stages on Spark (pip install 'letopis[spark]', a Java runtime)."""


@spark.command("ingest")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Folder for the Parquet tables.")
@click.option("--master", help="Spark master (default: spark-submit's, else local[*]); e.g. local[2].")
@click.option("--partitions", type=int, help="Partitions of the documents (default: twice the parallelism).")
def spark_ingest_cmd(inputs: tuple[str, ...], out: str, master: str | None, partitions: int | None) -> None:
    """Run the per-document stages on Spark and write Parquet of articles, mentions, events and quotes.

    INPUT: text, HTML, JSONL or WARC files and folders, or Parquet tables of documents (columns text or
    html, and optionally id, source, url, title, published, outlet, language).
    Example: letopis spark ingest news/ --out processed/ --master local[2]; then letopis load processed/
    """
    from letopis.spark import spark_ingest

    started = time.monotonic()
    counts = spark_ingest(list(inputs), out, master=master, partitions=partitions)
    total = sum(counts.values())
    secs = time.monotonic() - started
    click.echo(f"processed {total} documents in {secs:.1f} s ({total / max(secs, 1e-6):.1f} docs/s): "
               + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + f"; Parquet in {out}")


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@db_option
def load(folder: str, db: str | None) -> None:
    """Store what `letopis spark ingest` made (its --out folder); stories and events are updated here.

    Example: letopis load processed/ --db sqlite:///news.db
    """
    from letopis.spark import load as load_folder
    from letopis.store import Store

    report = load_folder(Store(db), folder)
    click.echo(report.line())
    for source, reason in report.rejected:
        click.echo(f"  rejected {source}: {reason}")
    for source, notice in report.notices:
        click.echo(f"  notice {source}: {notice}")


@main.group()
def kb() -> None:
    """The knowledge base: countries, places, organisations and office holders, plus what you import."""


@kb.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--name", help="Name of the imported set (default: the file's name).")
@click.option("--country", help="ISO code of the state a Popolo file is about (a parliament's file names none).")
def kb_import(file: str, name: str | None, country: str | None) -> None:
    """Add people, organisations and places from Wikidata JSON dump lines (.json, .jsonl, .json.gz) or a
    Popolo JSON file (EveryPolitician and parliament data: people, their names by language, ids, and
    dated memberships; offices among them become roles that titles resolve to).

    The entries go to $LETOPIS_KB_DIR (default ~/.local/share/letopis/kb) and are used by every
    later run; the packaged knowledge base wins where both know an item. No id is made up: an entry
    has a Wikidata id only if the imported data gave it.
    Example: letopis kb import latest-all-sample.json.gz
             letopis kb import norway-storting.json --country NOR
    """
    import gzip

    import yaml

    from letopis.analyze.morph import fold
    from letopis.link.kb import default_kb, is_popolo, kb_dir, records_from_popolo, records_from_wikidata

    path = Path(file)
    opener = gzip.open if path.suffix == ".gz" else open
    kb = default_kb()
    if country and kb.country(country.upper()) is None:
        raise click.UsageError(f"unknown country code {country!r} (ISO 3166 alpha-3, e.g. NOR)")
    with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
        head = fh.read(1)
        fh.seek(0)
        popolo = None
        if head == "{":
            try:
                data = json.load(fh)
            except json.JSONDecodeError:
                data = None
            popolo = data if is_popolo(data) else None
            fh.seek(0)
        if popolo is not None:
            names = {fold(n): e.country for e in kb.entries.values() if e.kind == "country" and e.country
                     for n in (e.en, e.ru, *e.aliases)}
            records, problems = records_from_popolo(popolo, country.upper() if country else None, names)
        else:
            countries = {e.wikidata: e.country for e in kb.entries.values() if e.kind == "country" and e.wikidata}
            records, problems = records_from_wikidata(fh, countries)
    folder = kb_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{name or path.name.split('.')[0]}.yaml"
    target.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")
    kinds = Counter(r["type"] for r in records)
    roles = sum(len(r.get("roles") or []) for r in records)
    click.echo(f"imported {len(records)} entries ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}"
               f"{f'; {roles} offices' if popolo is not None else ''}) into {target}; skipped {len(problems)} "
               f"{'items' if popolo is not None else 'lines'}")
    for p in problems[:20]:
        click.echo(f"  {p}")


@main.group("eval")
def eval_group() -> None:
    """Score the pipeline against labelled data in ../shared/data (or any copy of its format)."""


def _floor(scores: dict[str, float], floors: tuple[str, ...]) -> None:
    """Exit non-zero when a named score is under its floor (`--floor f1=0.9`)."""
    failed = []
    for item in floors:
        name, _, value = item.partition("=")
        if name not in scores:
            raise click.UsageError(f"unknown score {name!r}; known: {', '.join(sorted(scores))}")
        if scores[name] < float(value):
            failed.append(f"{name} {scores[name]:.3f} < {value}")
    if failed:
        raise click.ClickException("under the floor: " + "; ".join(failed))


floor_option = click.option("--floor", "floors", multiple=True, metavar="NAME=VALUE",
                            help="Fail when a score is below VALUE (repeatable).")


@eval_group.command("clean")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--limit", type=int, help="Only the first N pages.")
@floor_option
def eval_clean(folder: str, limit: int | None, floors: tuple[str, ...]) -> None:
    """Body extraction on the article-extraction benchmark, letopis and plain trafilatura side by side.

    Example: letopis eval clean ../shared/data/article-extraction-benchmark
    """
    from letopis.eval.clean import evaluate

    scores = evaluate(Path(folder), limit=limit)
    for s in scores:
        click.echo(s.line())
    _floor({"f1": scores[0].f1, "margin": scores[0].f1 - scores[1].f1}, floors)


@eval_group.command("ner")
@click.argument("corpus", type=click.Choice(["factru", "nerel"]))
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--show-names", is_flag=True, help="List person names that differ from the canonical ones.")
@floor_option
def eval_ner(corpus: str, folder: str, show_names: bool, floors: tuple[str, ...]) -> None:
    """Per-type precision/recall/F1 of PER/ORG/LOC mentions (and, on factRuEval, person name normalisation).

    Example: letopis eval ner factru ../shared/data/factRuEval-2016/devset
    """
    from letopis.eval.ner import evaluate_ner, factru_docs, nerel_docs
    from letopis.pipeline import Pipeline

    docs = list((factru_docs if corpus == "factru" else nerel_docs)(Path(folder)))
    if not docs:
        raise click.UsageError(f"no {corpus} documents in {folder}")
    report = evaluate_ner(docs, Pipeline(), "factRuEval" if corpus == "factru" else "NEREL")
    for line in report.lines():
        click.echo(line)
    if show_names:
        for surface, ours, canon in report.wrong_names:
            click.echo(f"  {surface!r}: {ours!r} ≠ {canon!r}")
    scores = {"f1": report.micro_f1, **{t.lower(): c.prf()[2] for t, c in report.counts.items()},
              "names": report.persons_right / max(1, report.persons_checked)}
    _floor(scores, floors)


@eval_group.command("link")
@click.argument("corpus", type=click.Choice(["nerel"]))
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@floor_option
def eval_link(corpus: str, folder: str, floors: tuple[str, ...]) -> None:
    """Wikidata linking: accuracy on the gold mentions whose id the knowledge base knows, and its coverage.

    Example: letopis eval link nerel ../shared/data/NEREL-v1.1/dev
    """
    from letopis.eval.ner import evaluate_links, nerel_docs
    from letopis.pipeline import Pipeline

    report = evaluate_links(list(nerel_docs(Path(folder))), Pipeline())
    for line in report.lines():
        click.echo(line)
    _floor({"accuracy": report.accuracy, "coverage": report.covered / max(1, report.mentions)}, floors)


@eval_group.command("names")
@click.argument("table", type=click.Path(exists=True, dir_okay=False))
@click.option("--wrong", is_flag=True, help="List the names read back wrong.")
@floor_option
def eval_names(table: str, wrong: bool, floors: tuple[str, ...]) -> None:
    """Foreign names written in Russian read back to their own spelling, per origin.

    Example: letopis eval names tests/data/foreign_names.tsv
    """
    from letopis.eval.names import evaluate_names

    report = evaluate_names(Path(table))
    for line in report.lines():
        click.echo(line)
    if wrong:
        for origin, russian, ours, expected in report.wrong:
            click.echo(f"  {origin:6} {russian}: {ours} ≠ {expected}")
    _floor({"accuracy": report.accuracy}, floors)


@eval_group.command("pairs")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@floor_option
def eval_pairs(files: tuple[str, ...], floors: tuple[str, ...]) -> None:
    """Same-story precision/recall/F1 on tgcontest pair pools (.tsv) and the WMT21 document pairs (.jsonl).

    Example: letopis eval pairs ../shared/data/tgcontest-pairs/ru_train_pool.tsv ../shared/data/wmt21-ru-en/ru_en_doc_pairs.jsonl
    """
    from letopis.eval.pairs import PairScore, halves, score_pairs, tgcontest_pairs, wmt
    from letopis.pipeline import Pipeline

    pipeline = Pipeline()
    scores: dict[str, float] = {}
    pooled = PairScore("tgcontest pools together", 0, 0, 0, 0)
    pools = {}
    for f in files:
        path = Path(f)
        if path.suffix == ".jsonl":
            s = wmt(path, pipeline)
            scores["wmt_together"] = s.tp / max(1, s.tp + s.fn)
            scores["wmt_cross"] = s.fp / max(1, s.pairs - s.tp - s.fn)
        else:
            pools[path.name] = tgcontest_pairs(path, pipeline)
            s = score_pairs(path.name, pools[path.name])
            scores[f"f1_{path.stem.removesuffix('_pool')}"] = s.prf()[2]
            for k in ("pairs", "tp", "fp", "fn"):
                setattr(pooled, k, getattr(pooled, k) + getattr(s, k))
        click.echo(s.line())
    if pooled.pairs:
        click.echo(pooled.line())
        scores["f1"] = pooled.prf()[2]
        for line in halves(pools):
            click.echo(line)
    _floor(scores, floors)


@eval_group.command("meetings")
@click.argument("corpus", type=click.Choice(["factru"]))
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
def eval_meetings(corpus: str, folder: str) -> None:
    """Recall of factRuEval `Meeting` facts as CONSULT events with the fact's participants.

    Example: letopis eval meetings factru ../shared/data/factRuEval-2016/devset
    """
    from letopis.eval.events import meetings_factru
    from letopis.pipeline import Pipeline

    recalled, total, misses = meetings_factru(Path(folder), Pipeline())
    click.echo(f"factRuEval meetings: {recalled}/{total} recalled as CONSULT events ({recalled / max(1, total):.3f})")
    for m in misses:
        click.echo(f"  missed {m}")


@eval_group.command("events")
@click.argument("corpus", type=click.Choice(["plover", "nerel", "wmt"]))
@click.argument("path", type=click.Path(exists=True))
@click.option("--confusion", is_flag=True, help="Print gold type → found type counts.")
@floor_option
def eval_events(corpus: str, path: str, confusion: bool, floors: tuple[str, ...]) -> None:
    """Event type accuracy and source/target actor recall on the PLOVER gold standard records (English), or
    the share of NEREL's interaction triggers that make an event (Russian; --confusion lists the most missed),
    or how many events of WMT21 English translations their Russian originals confirm, and the reverse.

    Example: letopis eval events plover ../shared/data/PLOVER-GSR/gold_standard_records/PLOVER_GSR_CAMEO.txt
    """
    from letopis.eval.events import cross_language_agreement, evaluate_plover, nerel_trigger_coverage
    from letopis.pipeline import Pipeline

    if corpus == "wmt":
        agree = cross_language_agreement(Path(path), Pipeline())
        for lang, other in (("en", "Russian originals"), ("ru", "English translations")):
            click.echo(f"{lang} events of {agree.pairs} documents confirmed by their {other}: "
                       f"{agree.confirmed[lang]}/{agree.events[lang]} ({agree.share(lang):.2f})")
        if confusion:
            for (lang, kind, ok), n in sorted(agree.by_type.items()):
                click.echo(f"  {lang} {kind:10} {'confirmed' if ok else 'not confirmed':14} {n}")
        _floor({"en": agree.share("en"), "ru": agree.share("ru")}, floors)
        return

    if corpus == "nerel":  # NEREL's own interaction triggers: how many make an event
        cov = nerel_trigger_coverage(Path(path), Pipeline())
        click.echo(f"NEREL interaction triggers (EVENT with two or more person/organisation/country arguments): "
                   f"{cov.covered}/{cov.triggers} make an event ({cov.share:.3f})")
        if confusion:
            click.echo("  most missed: " + ", ".join(f"{w} {n}" for w, n in cov.missed.most_common(30)))
        _floor({"triggers": cov.share}, floors)
        return
    file = Path(path)
    if file.is_dir():
        file = file / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt" if (file / "gold_standard_records").is_dir() \
            else file / "PLOVER_GSR_CAMEO.txt"
    score = evaluate_plover(file, Pipeline())
    for line in score.lines():
        click.echo(line)
    if confusion:
        for (gold, found), n in sorted(score.confusion.items(), key=lambda x: -x[1]):
            click.echo(f"  {gold:>10} → {found or '—':<10} {n}")
    _floor({"accuracy": score.accuracy, "actors": score.actor_recall}, floors)


def _events_csv(rows, out) -> None:
    w = csv.writer(out)
    w.writerow(["event_id", "date", "date_basis", "type", "mode", "cameo", "status", "actor1_name", "actor1_id",
                "actor1_country", "actor1_role", "actor2_name", "actor2_id", "actor2_country", "actor2_role",
                "other_actors", "location", "topics", "sources", "confidence", "evidence"])
    for e in rows:
        acts = e["actors"]
        a1 = acts[0] if acts else {}
        a2 = acts[1] if len(acts) > 1 else {}
        w.writerow([e["id"], e["date"] or "", e["date_basis"] or "", e["type"], e["mode"] or "", e["cameo"], e["status"],
                    a1.get("name", ""), a1.get("id", ""), a1.get("country") or "", a1.get("role", ""),
                    a2.get("name", ""), a2.get("id", ""), a2.get("country") or "", a2.get("role", ""),
                    ";".join(a["name"] for a in acts[2:]), (e["location"] or {}).get("name", ""), ";".join(e["topics"]),
                    e.get("sources", len(e["evidence"])), e["confidence"], e["evidence"][0]["text"] if e["evidence"] else ""])


if __name__ == "__main__":
    main()
