using System;
using System.Collections.Generic;
using System.Globalization;
using NatDsl.Formats.Save;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;
using NUnit.Framework;

namespace NatDsl.Tests.Scale;

/// <summary>
/// <see cref="SaveRenderer.Render(ClusterSpec, CompileOptions, SaveRenderOptions)"/> renders a
/// large cluster's service chains while they are compiled: its text must be exactly that of
/// rendering the whole compiled model, for every option.
/// </summary>
public class StreamedRenderTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        var header = new SaveHeader("iptables-save v1.8.9 (nf_tables)", new DateTime(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc));
        foreach (var selfContained in new[] { true, false })
        {
            foreach (var threads in new int?[] { null, 1, 2, 3 })
            {
                var name = (selfContained ? "node" : "kube-proxy") + ", threads " + (threads?.ToString(CultureInfo.InvariantCulture) ?? "default");
                yield return new TestCaseData(selfContained, threads, SaveRenderOptions.Default).SetArgDisplayNames(name);
            }
            yield return new TestCaseData(selfContained, 2, new SaveRenderOptions { RuleCounters = true, Header = header }).SetArgDisplayNames((selfContained ? "node" : "kube-proxy") + ", counters and header");
            yield return new TestCaseData(selfContained, 2, new SaveRenderOptions { LineEnding = "\r\n", OmitInvertedWildcardInterface = true }).SetArgDisplayNames((selfContained ? "node" : "kube-proxy") + ", CRLF, legacy interfaces");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Streaming_gives_the_text_of_the_whole_model(bool selfContained, int? threads, SaveRenderOptions options)
    {
        var spec = ScaleWorkloads.S.Spec;
        var compile = new CompileOptions { SelfContained = selfContained, MaxDegreeOfParallelism = threads };
        var expected = SaveRenderer.Render(KubeProxyCompiler.Compile(spec, compile), options);
        var streamed = SaveRenderer.Render(spec, compile, options);
        Assert.That(streamed.Length, Is.EqualTo(expected.Length));
        Assert.That(streamed, Is.EqualTo(expected));
    }

    [TestCase(KubeProxyProfile.V1_12, true)]
    [TestCase(KubeProxyProfile.V1_12, false)]
    [TestCase(KubeProxyProfile.Current, true)]
    public void Every_profile_streams_to_the_same_text(KubeProxyProfile profile, bool kubeletChains)
    {
        var spec = ScaleWorkloads.S.Spec;
        spec = spec with { Settings = spec.Settings with { Profile = profile }, KubeletChains = kubeletChains };
        var compile = new CompileOptions { SelfContained = kubeletChains, MaxDegreeOfParallelism = 2 };
        string Expected() => SaveRenderer.Render(KubeProxyCompiler.Compile(spec, compile));
        string Streamed() => SaveRenderer.Render(spec, compile);
        if (profile == KubeProxyProfile.V1_12 && !kubeletChains)
        {
            // 1.12 rules jump to kubelet's KUBE-MARK-DROP: the same errors either way.
            var expected = Assert.Throws<SpecValidationException>(() => Expected())!;
            var streamed = Assert.Throws<SpecValidationException>(() => Streamed())!;
            Assert.That(streamed.Message, Is.EqualTo(expected.Message));
            Assert.That(streamed.Errors, Is.EqualTo(expected.Errors));
            return;
        }
        Assert.That(Streamed(), Is.EqualTo(Expected()));
    }

    [Test]
    public void An_invalid_spec_is_refused_as_the_compiler_refuses_it()
    {
        var spec = ScaleWorkloads.S.Spec;
        var first = spec.Services[0];
        var broken = spec with { Services = new List<ServiceSpec>(spec.Services) { first }.ToValueList() };
        var expected = Assert.Throws<SpecValidationException>(() => KubeProxyCompiler.Compile(broken, CompileOptions.Default))!;
        var streamed = Assert.Throws<SpecValidationException>(() => SaveRenderer.Render(broken, CompileOptions.Default))!;
        Assert.That(streamed.Message, Is.EqualTo(expected.Message));
    }

    [Test]
    public void A_different_cluster_gives_different_text()
    {
        // The comparisons above can fail: one endpoint more changes the streamed text.
        var spec = ScaleWorkloads.S.Spec;
        var changed = NatDsl.Workloads.WorkloadEdits.ChangeEndpoint(spec, 7);
        Assert.That(SaveRenderer.Render(changed, new CompileOptions { SelfContained = true }), Is.Not.EqualTo(SaveRenderer.Render(spec, new CompileOptions { SelfContained = true })));
    }
}
