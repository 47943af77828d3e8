using System.Collections.Generic;

namespace NatDsl.Cli.Generation;

/// <summary>
/// The C# sources of a DSL input (one <c>.cs</c> file, or the Compile items of a project) and
/// the project settings that change how they compile.
/// </summary>
/// <param name="Input">The path the user gave.</param>
/// <param name="Files">The sources, in ordinal path order.</param>
/// <param name="BaseDirectory">The directory of the input, as the user wrote it ("" for the current one).</param>
/// <param name="ImplicitUsings">Whether the project enables the SDK's implicit global usings.</param>
/// <param name="NullableEnabled">Whether nullable reference types are enabled (the default for a single file).</param>
internal sealed record DslSources(
    string Input,
    IReadOnlyList<DslSourceFile> Files,
    string BaseDirectory,
    bool ImplicitUsings,
    bool NullableEnabled);
