namespace NatDsl.Generator.Tests.Snapshots;

/// <summary>One snapshot text: <paramref name="Name"/> is empty for the test's info file, else the part after '#'.</summary>
public sealed record SnapshotFile(string Name, string Extension, string Text);
