namespace NatDsl.Cli.Kubernetes;

/// <summary>
/// An object (or part of one) that kube-proxy would not turn into rules, and so is not in the
/// cluster spec, with the reason: printed on stderr under <c>--verbose</c>.
/// </summary>
/// <param name="Kind">The object's kind (<c>Service</c>, <c>EndpointSlice</c>, …), or the text found there.</param>
/// <param name="Name"><c>namespace/name</c>, or just the name for cluster-scoped objects; empty when the object has none.</param>
/// <param name="Location">Where the object starts in its input.</param>
/// <param name="Reason">Why it is skipped, naming the field when a field is the reason.</param>
public sealed record SkippedObject(string Kind, string Name, SourceLocation Location, string Reason)
{
    /// <summary><c>file:line:column: Kind ns/name: reason</c>.</summary>
    public override string ToString() =>
        Location + ": " + Kind + (Name.Length > 0 ? " " + Name : string.Empty) + ": " + Reason;
}
