using System.Collections.Generic;
using System.Collections.Immutable;
using NatDsl.Generator.Model;

namespace NatDsl.Generator;

/// <summary>
/// Puts every diagnostic of every rule set at its place: reading diagnostics carry their
/// location; build failures carry a recorded id, resolved against the model's locations;
/// golden findings without a location go to the attribute's Golden argument.
/// </summary>
internal static class DiagnosticLocator
{
    public static EquatableArray<DiagnosticInfo> Locate(
        ImmutableArray<RuleSetModel> models,
        ImmutableArray<BuildResult> builds,
        ImmutableArray<GoldenResult> goldens)
    {
        var byClass = new Dictionary<RuleSetClassInfo, RuleSetModel>();
        var result = new List<DiagnosticInfo>();
        foreach (var model in models)
        {
            result.AddRange(model.Diagnostics);
            if (model.Program is not null && !byClass.ContainsKey(model.Class)) byClass.Add(model.Class, model);
        }
        foreach (var build in builds)
        {
            if (!byClass.TryGetValue(build.Class, out var model)) continue;
            foreach (var failure in build.Failures)
            {
                var location = failure.LocationId >= 0 && failure.LocationId < model.Locations.Count
                    ? model.Locations[failure.LocationId]
                    : model.ClassLocation;
                result.Add(new DiagnosticInfo(failure.Descriptor, location, failure.Arguments));
            }
        }
        foreach (var golden in goldens)
        {
            byClass.TryGetValue(golden.Class, out var model);
            foreach (var finding in golden.Findings)
            {
                result.Add(new DiagnosticInfo(finding.Descriptor, finding.Location ?? model?.GoldenLocation ?? model?.ClassLocation, finding.Arguments));
            }
        }
        return result.ToEquatableArray();
    }
}
