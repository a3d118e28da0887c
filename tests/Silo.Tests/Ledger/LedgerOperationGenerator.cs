using FsCheck;
using FsCheck.Fluent;
using Op = FundManager.Tests.Ledger.LedgerOperation;

namespace FundManager.Tests.Ledger;

/// <summary>FsCheck generators of random operation sequences, weighted so that money flows in before it flows out.</summary>
public static class LedgerOperationGenerator
{
    private static Gen<int> Index => Gen.Choose(0, 1000);

    private static Gen<long> Minor => Gen.Choose(1, 1_000_000_000).Select(v => (long)v);

    public static Gen<Op> Operation { get; } = Gen.Frequency(
        (10, from c in Gen.Choose(0, 4) from m in Minor from n in Gen.Choose(1, 4) from s in Gen.Elements(true, true, false) select (Op)new Op.NewPledge(c, m, n, s)),
        (3, Index.Select(i => (Op)new Op.SignPledge(i))),
        (16, from i in Index from p in Gen.Choose(1, 130) from f in Gen.Choose(0, 40) select (Op)new Op.Receive(i, p, f)),
        (3, from i in Index from p in Gen.Choose(-80, 80) select (Op)new Op.Amend(i, p)),
        (1, Index.Select(i => (Op)new Op.CancelPledge(i))),
        (1, Index.Select(i => (Op)new Op.WriteOff(i))),
        (4, from c in Gen.Choose(0, 4) from m in Minor select (Op)new Op.Unpledged(c, m)),
        (6, from a in Gen.Choose(1_000, 400_000) from y in Gen.Choose(1, 3) select (Op)new Op.NewGrant(a, y)),
        (8, Index.Select(i => (Op)new Op.ApproveGrant(i))),
        (10, from i in Index from p in Gen.Elements<int?>(null, null, 50, 100, 150) select (Op)new Op.Prepare(i, p)),
        (10, from i in Index from same in Gen.Elements(false, false, false, true) select (Op)new Op.ApproveTranche(i, same)),
        (2, Index.Select(i => (Op)new Op.RejectTranche(i))),
        (8, from i in Index from accept in Gen.Elements(true, true, true, false) select (Op)new Op.Report(i, accept)),
        (3, from i in Index from p in Gen.Choose(-60, 60) select (Op)new Op.ReviseBudget(i, p)),
        (2, Index.Select(i => (Op)new Op.Complete(i))),
        (2, Index.Select(i => (Op)new Op.Close(i))),
        (1, Index.Select(i => (Op)new Op.CancelGrant(i))));

    public static Gen<List<Op>> Sequence(int length) => Gen.ListOf(Operation, length).Select(ops => ops.ToList());
}
