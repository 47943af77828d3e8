namespace NatDsl.Cli.Kubernetes;

/// <summary>How objects are named in messages: <c>namespace/name</c>, or <c>name</c> without a namespace.</summary>
internal static class ObjectNames
{
    public static string Join(string? ns, string? name)
    {
        if (string.IsNullOrEmpty(name)) return string.Empty;
        return string.IsNullOrEmpty(ns) ? name! : ns + "/" + name;
    }
}
