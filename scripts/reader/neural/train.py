"""Trains kabar's neural reader on the tensors written by featurize.ts and exports it to ONNX.

    /usr/bin/python3 scripts/reader/neural/train.py <featureDir> <outDir> [--sets a,b] [--fraction 1.0] [--epochs N] [--seeds 21,22]

Needs Debian's python3-torch (1.13), libopenblas0-pthread and python3-onnx. Deterministic: fixed seeds,
fixed data order, two threads. The model reads one question-passage pair per row (inputs from the
TypeScript featurizer: hashed word/stem/character n-gram ids and match/shape features per token) and
gives start, end and no-answer logits; the rows of one question share one softmax (over every passage's
answer positions and no-answer slots), so scores compare across passages.

One model is trained per seed, on the same data, and the shipped file averages their logits: a single
model's dev figures move by a few points with its seed alone, far more than most changes measured,
and the average of independently trained models both moves less and reads better. The embeddings
are stored in half precision (Gather, then Cast), which keeps two models within the file size of one.
"""

import argparse
import json
import math
import os
import random
import sys
import time

import numpy as np
import torch
from torch import nn
import torch.nn.functional as F

# Tuning numbers of the model and of training, each defined once.
SETTINGS = {
    "dim": 64,  # hashed embedding width
    "hidden": 64,
    "kernel": 3,
    "dilations": [1, 2, 4, 1],
    "dropout": 0.1,
    "batch": 32,  # questions per step
    "lr": 2e-3,
    "epochs": 4,
    "passages": 2,
    "max_span": 20,  # tokens an answer may run over
    "seeds": [21, 22],  # one model per seed; the export averages their logits
}
NEG = -1e4


class GatedConv(nn.Module):
    """A residual gated convolution; padding stays zero so a row reads the same however long its batch."""

    def __init__(self, h, k, dilation, dropout):
        super().__init__()
        self.norm = nn.LayerNorm(h)
        self.conv = nn.Conv1d(h, 2 * h, k, padding=dilation * (k // 2), dilation=dilation)
        self.drop = nn.Dropout(dropout)

    def forward(self, x, mask):
        y = self.conv((self.norm(x) * mask).transpose(1, 2)).transpose(1, 2)
        a, b = y.chunk(2, dim=-1)
        return (x + self.drop(a * torch.sigmoid(b))) * mask


class SelfAttention(nn.Module):
    def __init__(self, h, dropout):
        super().__init__()
        self.norm = nn.LayerNorm(h)
        self.qkv = nn.Linear(h, 3 * h)
        self.out = nn.Linear(h, h)
        self.drop = nn.Dropout(dropout)

    def forward(self, x, mask):
        q, k, v = self.qkv(self.norm(x) * mask).chunk(3, dim=-1)
        scores = q @ k.transpose(1, 2) / math.sqrt(q.shape[-1]) + (1 - mask.transpose(1, 2)) * NEG
        return (x + self.drop(self.out(torch.softmax(scores, dim=-1) @ v))) * mask


class Reader(nn.Module):
    def __init__(self, buckets, features, s):
        super().__init__()
        h = s["hidden"]
        self.emb = nn.Embedding(buckets, s["dim"], padding_idx=0)
        self.q_in = nn.Linear(s["dim"] + features, h)
        self.p_in = nn.Linear(s["dim"] + features, h)
        self.align = nn.Linear(h, h)
        self.merge = nn.Linear(3 * h, h)
        self.q_enc = nn.ModuleList([GatedConv(h, 3, 1, s["dropout"]) for _ in range(2)])
        self.q_pool = nn.Linear(h, 1)
        self.p_enc = nn.ModuleList([GatedConv(h, s["kernel"], d, s["dropout"]) for d in s["dilations"]])
        self.attend = SelfAttention(h, s["dropout"])
        self.end_enc = GatedConv(h, s["kernel"], 1, s["dropout"])
        self.start = nn.Linear(h, h)
        self.end = nn.Linear(h, h)
        self.null = nn.Sequential(nn.Linear(3 * h, h), nn.ReLU(), nn.Linear(h, 1))
        self.drop = nn.Dropout(s["dropout"])

    def embed(self, ids, feats):
        ids = ids.long()
        # The padding id's vector is zero and never learns, so a plain sum is the sum over present ids.
        count = (ids > 0).float().sum(2, keepdim=True).clamp(min=1.0)
        bag = self.emb(ids).sum(2) / count
        return torch.cat([self.drop(bag), feats], dim=-1)

    def forward(self, q_ids, q_feat, p_ids, p_feat):
        qm = (q_ids[:, :, 0] > 0).float().unsqueeze(-1)
        pm = (p_ids[:, :, 0] > 0).float().unsqueeze(-1)
        q = torch.relu(self.q_in(self.embed(q_ids, q_feat))) * qm
        p = torch.relu(self.p_in(self.embed(p_ids, p_feat))) * pm
        # Question-aligned attention (DrQA): each passage token reads the question words most like it.
        scores = torch.relu(self.align(p)) @ torch.relu(self.align(q)).transpose(1, 2) + (1 - qm.transpose(1, 2)) * NEG
        aligned = torch.softmax(scores, dim=-1) @ q
        x = torch.relu(self.merge(torch.cat([p, aligned, p * aligned], dim=-1))) * pm
        for block in self.q_enc:
            q = block(q, qm)
        weights = torch.softmax(self.q_pool(q) + (1 - qm) * NEG, dim=1)
        qv = (weights * q).sum(1)
        for block in self.p_enc:
            x = block(x, pm)
        x = self.attend(x, pm)
        start = (self.start(x) * qv.unsqueeze(1)).sum(-1)
        y = self.end_enc(x, pm)
        end = (self.end(y) * qv.unsqueeze(1)).sum(-1)
        pooled = torch.cat([(x + (1 - pm) * NEG).max(1).values, (x * pm).sum(1) / pm.sum(1).clamp(min=1.0), qv], dim=-1)
        null = self.null(pooled).squeeze(-1)
        return start, end, null


class HalfEmbedding(nn.Module):
    """An embedding table kept in half precision for the export: looked up, then widened to float."""

    def __init__(self, emb):
        super().__init__()
        self.weight = nn.Parameter(emb.weight.detach().half(), requires_grad=False)

    def forward(self, ids):
        return F.embedding(ids, self.weight).float()


class Ensemble(nn.Module):
    """The mean of its members' start, end and no-answer logits."""

    def __init__(self, members):
        super().__init__()
        self.members = nn.ModuleList(members)

    def forward(self, q_ids, q_feat, p_ids, p_feat):
        outs = [m(q_ids, q_feat, p_ids, p_feat) for m in self.members]
        n = len(outs)
        return tuple(sum(o[i] for o in outs) / n for i in range(3))


class Split:
    """One featurized set (see featurize.ts: writeSet)."""

    def __init__(self, folder):
        index = json.load(open(os.path.join(folder, "index.json")))
        self.featurizer = index["featurizer"]
        self.questions = index["questions"]
        k, f = self.featurizer["slots"], self.featurizer["features"]
        load = lambda name, dtype: np.fromfile(os.path.join(folder, name), dtype=dtype)
        self.rows = load("rows.i32", "<i4").reshape(-1, 5)
        self.q_ids = load("q_ids.i32", "<i4").reshape(-1, k)
        self.q_feat = load("q_feat.f32", "<f4").reshape(-1, f)
        self.p_ids = load("p_ids.i32", "<i4").reshape(-1, k)
        self.p_feat = load("p_feat.f32", "<f4").reshape(-1, f)
        self.p_tags = load("p_tags.u8", "u1")
        self.by_question = {}
        for i, r in enumerate(self.rows):
            self.by_question.setdefault(int(r[0]), []).append(i)
        self.ids = sorted(self.by_question)


def batch_of(split, questions):
    """Pads the rows of `questions` into [B, P, T] tensors (empty rows where a question has fewer passages)."""
    rows = [split.by_question[q] for q in questions]
    P = max(len(r) for r in rows)
    TQ = max(split.rows[i][2] for r in rows for i in r)
    TP = max(split.rows[i][4] for r in rows for i in r)
    k, f = split.q_ids.shape[1], split.q_feat.shape[1]
    B = len(questions)
    q_ids = np.zeros((B, P, TQ, k), np.int32)
    q_feat = np.zeros((B, P, TQ, f), np.float32)
    p_ids = np.zeros((B, P, TP, k), np.int32)
    p_feat = np.zeros((B, P, TP, f), np.float32)
    tags = np.zeros((B, P, TP), np.uint8)
    for b, r in enumerate(rows):
        for p, i in enumerate(r):
            _, qo, ql, po, pl = split.rows[i]
            q_ids[b, p, :ql] = split.q_ids[qo : qo + ql]
            q_feat[b, p, :ql] = split.q_feat[qo : qo + ql]
            p_ids[b, p, :pl] = split.p_ids[po : po + pl]
            p_feat[b, p, :pl] = split.p_feat[po : po + pl]
            tags[b, p, :pl] = split.p_tags[po : po + pl]
    answerable = np.array([split.questions[q]["answerable"] for q in questions])
    t = torch.from_numpy
    return t(q_ids), t(q_feat), t(p_ids), t(p_feat), t(tags.astype(np.int64)), t(answerable)


def run(model, batch):
    """Start, end and null logits as [B, P*T + P] rows of one shared softmax, with the row masks."""
    q_ids, q_feat, p_ids, p_feat, tags, _ = batch
    B, P, TP = tags.shape
    flat = lambda x: x.reshape(B * P, *x.shape[2:])
    start, end, null = model(flat(q_ids), flat(q_feat), flat(p_ids), flat(p_feat))
    spanable = (tags & 4) > 0
    present = spanable.any(-1)
    start = start.reshape(B, P, TP).masked_fill(~spanable, NEG)
    end = end.reshape(B, P, TP).masked_fill(~spanable, NEG)
    null = null.reshape(B, P).masked_fill(~present, NEG)
    return start, end, null


def loss_of(start, end, null, tags, answerable):
    B = start.shape[0]
    total = 0.0
    for scores, bit in ((start, 1), (end, 2)):
        joint = torch.cat([scores.reshape(B, -1), null], dim=1)
        logz = torch.logsumexp(joint, dim=1)
        gold = torch.cat([((tags & bit) > 0).reshape(B, -1), torch.zeros_like(null, dtype=torch.bool)], dim=1)
        nulls = torch.cat([torch.zeros_like(scores.reshape(B, -1), dtype=torch.bool), null > NEG / 2], dim=1)
        target = torch.where(answerable.unsqueeze(1), gold, nulls)
        total = total + (logz - torch.logsumexp(joint.masked_fill(~target, NEG), dim=1)).mean()
    return total


def decode(start, end, null, max_span):
    """Per question: (best span log-probability minus no-answer log-probability, passage, start, end)."""
    B, P, T = start.shape
    ls = torch.log_softmax(torch.cat([start.reshape(B, -1), null], 1), 1)
    le = torch.log_softmax(torch.cat([end.reshape(B, -1), null], 1), 1)
    s, e = ls[:, : P * T].reshape(B, P, T), le[:, : P * T].reshape(B, P, T)
    pair = s.unsqueeze(-1) + e.unsqueeze(-2)  # [B, P, T, T]
    allowed = torch.ones(T, T).triu().tril(max_span - 1).bool()
    pair = pair.masked_fill(~allowed, NEG * 4)
    best, flat = pair.reshape(B, -1).max(1)
    no = torch.logsumexp(ls[:, P * T :], 1) + torch.logsumexp(le[:, P * T :], 1)
    return best - no, flat // (T * T), (flat // T) % T, flat % T


def evaluate(model, split, s):
    """Exact span match on answerable questions, share with the answer's passage picked, and the no-answer AUC."""
    model.eval()
    margins, answerable, exact, right_passage = [], [], 0, 0
    with torch.no_grad():
        for i in range(0, len(split.ids), 64):
            qs = split.ids[i : i + 64]
            batch = batch_of(split, qs)
            start, end, null = run(model, batch)
            margin, p, a, b = decode(start, end, null, s["max_span"])
            tags = batch[4]
            for j in range(len(qs)):
                margins.append(float(margin[j]))
                answerable.append(bool(batch[5][j]))
                if batch[5][j]:
                    right_passage += int((tags[j, p[j]] & 1).any())
                    exact += int((tags[j, p[j], a[j]] & 1) > 0 and (tags[j, p[j], b[j]] & 2) > 0)
    model.train()
    n = sum(answerable)
    return {"exact": exact / max(n, 1), "passage": right_passage / max(n, 1), "auc": auc(margins, answerable)}


def auc(scores, labels):
    pos = [x for x, y in zip(scores, labels) if y]
    neg = [x for x, y in zip(scores, labels) if not y]
    if not pos or not neg:
        return float("nan")
    order = np.argsort(np.array(pos + neg), kind="stable")
    ranks = np.empty(len(order))
    ranks[order] = np.arange(1, len(order) + 1)
    return float((ranks[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def export(model, split, out, s, featurizer):
    """Writes reader.onnx, checked by onnx.checker, and a parity fixture of PyTorch's logits on real rows."""
    import onnx

    model.eval()
    qs = split.ids[:3]
    q_ids, q_feat, p_ids, p_feat, tags, _ = batch_of(split, qs)
    B, P = tags.shape[:2]
    flat = lambda x: x.reshape(B * P, *x.shape[2:])
    inputs = (flat(q_ids), flat(q_feat), flat(p_ids), flat(p_feat))
    # Only real rows: kabar never runs the model on a padding row.
    real = inputs[2][:, 0, 0] > 0
    inputs = tuple(x[real] for x in inputs)
    path = os.path.join(out, "reader.onnx")
    names = ["question_ids", "question_features", "passage_ids", "passage_features"]
    torch.onnx.export(
        model,
        inputs,
        path,
        input_names=names,
        output_names=["start", "end", "null"],
        dynamic_axes={
            "question_ids": {0: "rows", 1: "question_tokens"},
            "question_features": {0: "rows", 1: "question_tokens"},
            "passage_ids": {0: "rows", 1: "passage_tokens"},
            "passage_features": {0: "rows", 1: "passage_tokens"},
            "start": {0: "rows", 1: "passage_tokens"},
            "end": {0: "rows", 1: "passage_tokens"},
            "null": {0: "rows"},
        },
        opset_version=14,
    )
    onnx.checker.check_model(onnx.load(path))
    with torch.no_grad():
        start, end, null = model(*inputs)
    fixture = {
        "inputs": {n: {"dims": list(x.shape), "data": x.reshape(-1).tolist()} for n, x in zip(names, inputs)},
        "outputs": {n: {"dims": list(x.shape), "data": x.reshape(-1).tolist()} for n, x in zip(["start", "end", "null"], (start, end, null))},
    }
    json.dump(fixture, open(os.path.join(out, "fixture-onnx.json"), "w"))
    return os.path.getsize(path)


def train_member(seed, items, train, dev, s, featurizer):
    """One model trained from `seed`; its weights after each epoch."""
    torch.manual_seed(seed)
    random.seed(seed)
    np.random.seed(seed)
    model = Reader(featurizer["buckets"], featurizer["features"], s)
    opt = torch.optim.Adam(model.parameters(), lr=s["lr"])
    per_set = [sum(1 for x, _ in items if x == si) for si in range(len(train))]
    chunk = 50 * s["batch"]
    steps = s["epochs"] * sum(math.ceil(min(chunk, n - c) / s["batch"]) for n in per_set for c in range(0, n, chunk))
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=s["lr"], total_steps=steps, pct_start=0.1)
    rng = random.Random(seed)
    started = time.time()
    states = []
    for epoch in range(s["epochs"]):
        order = items[:]
        rng.shuffle(order)
        # Batches hold questions of one set, sorted by length within chunks of 50 batches, so little is padding.
        batches = []
        for si in range(len(train)):
            mine = [q for x, q in order if x == si]
            longest = lambda q: max(train[si].rows[i][4] for i in train[si].by_question[q])
            for c in range(0, len(mine), chunk):
                part = sorted(mine[c : c + chunk], key=longest)
                batches += [(si, part[i : i + s["batch"]]) for i in range(0, len(part), s["batch"])]
        rng.shuffle(batches)
        total = 0.0
        for n, (si, qs) in enumerate(batches):
            batch = batch_of(train[si], qs)
            start, end, null = run(model, batch)
            loss = loss_of(start, end, null, batch[4], batch[5])
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            sched.step()
            total += float(loss)
            if (n + 1) % 100 == 0:
                print(f"  seed {seed} epoch {epoch + 1} step {n + 1}/{len(batches)} loss {total / (n + 1):.3f} {time.time() - started:.0f}s", flush=True)
        report = {name: evaluate(model, split, s) for name, split in dev.items()}
        print(f"seed {seed} epoch {epoch + 1}: loss {total / len(batches):.3f} " + " ".join(f"{k}: exact {v['exact']:.3f} passage {v['passage']:.3f} auc {v['auc']:.3f}" for k, v in report.items()) + f" {time.time() - started:.0f}s", flush=True)
        states.append({k: v.clone() for k, v in model.state_dict().items()})
        model.train()
    return states


def exported(states, featurizer, s):
    """The models of `states` as one, in evaluation mode, with half-precision embeddings."""
    members = []
    for state in states:
        model = Reader(featurizer["buckets"], featurizer["features"], s)
        model.load_state_dict(state)
        model.emb = HalfEmbedding(model.emb)
        members.append(model)
    return Ensemble(members).eval()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("features")
    ap.add_argument("out")
    ap.add_argument("--sets", default="facqa-train,idkmrc-train")
    ap.add_argument("--dev", default="facqa-dev,idkmrc-dev")
    ap.add_argument("--fraction", type=float, default=1.0, help="share of each training set's questions used (learning curve)")
    ap.add_argument("--epochs", type=int, default=SETTINGS["epochs"])
    ap.add_argument("--seeds", default=",".join(map(str, SETTINGS["seeds"])), help="one model per seed, their logits averaged")
    ap.add_argument("--snapshots", action="store_true", help="also keep each epoch's export in <out>/epoch-N, to choose the epoch on dev")
    ap.add_argument("--passages", type=int, default=SETTINGS["passages"], help="passages read per training question (its gold ones first)")
    args = ap.parse_args()
    s = dict(SETTINGS, epochs=args.epochs)
    torch.set_num_threads(2)

    train = [Split(os.path.join(args.features, n)) for n in args.sets.split(",")]
    dev = {n: Split(os.path.join(args.features, n)) for n in args.dev.split(",")}
    featurizer = train[0].featurizer
    items = []
    for si, split in enumerate(train):
        split.by_question = {q: rows[: args.passages] for q, rows in split.by_question.items()}
        ids = split.ids[: int(len(split.ids) * args.fraction)]
        items += [(si, q) for q in ids]
    print(f"training on {len(items)} questions", flush=True)
    started = time.time()
    seeds = [int(x) for x in args.seeds.split(",")]
    runs = [train_member(seed, items, train, dev, s, featurizer) for seed in seeds]
    for epoch in range(1, s["epochs"] + 1) if args.snapshots else [s["epochs"]]:
        model = exported([states[epoch - 1] for states in runs], featurizer, s)
        if len(seeds) > 1:
            report = {name: evaluate(model, split, s) for name, split in dev.items()}
            print(f"averaged, epoch {epoch}: " + " ".join(f"{k}: exact {v['exact']:.3f} passage {v['passage']:.3f} auc {v['auc']:.3f}" for k, v in report.items()), flush=True)
        outs = [os.path.join(args.out, f"epoch-{epoch}")] if args.snapshots else []
        save(model, dev, args, s, featurizer, epoch, time.time() - started, outs + ([args.out] if epoch == s["epochs"] else []))


def save(model, dev, args, s, featurizer, epochs, seconds, outs):
    for out in outs:
        os.makedirs(out, exist_ok=True)
        size = export(model, next(iter(dev.values())), out, s, featurizer)
        # The threshold is chosen afterwards on the dev splits by calibrate.ts.
        training = {"sets": args.sets, "fraction": args.fraction, "passages": args.passages, "epochs": epochs, "seeds": args.seeds, "seconds": round(seconds)}
        json.dump({"featurizer": featurizer, "maxSpan": s["max_span"], "threshold": 0.0, "training": training}, open(os.path.join(out, "config.json"), "w"), indent=2)
        print(f"exported {size / 1e6:.1f} MB after epoch {epochs} to {out}", flush=True)

if __name__ == "__main__":
    main()
