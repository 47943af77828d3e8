namespace NatDsl.Formats.Save;

/// <summary>A long option of an extension: its name without dashes and the id its parser switches on (aliases share an id).</summary>
internal readonly struct OptionSpec
{
    public OptionSpec(string name, int id, bool takesArgument)
    {
        Name = name;
        Id = id;
        TakesArgument = takesArgument;
    }

    public string Name { get; }

    public int Id { get; }

    public bool TakesArgument { get; }
}
