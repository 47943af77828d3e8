using System;
using System.Collections.Generic;
using NatDsl.Cli.Kubernetes;
using NatDsl.Formats;
using NUnit.Framework;

namespace NatDsl.Cli.Tests.Kubernetes;

/// <summary>Bad input is a <see cref="DumpParseException"/> naming source, line and column; nothing else escapes.</summary>
public class MalformedInputTests
{
    private static DumpParseException Fails(string text, string source = "bad.yaml") =>
        Assert.Throws<DumpParseException>(() => KubernetesInput.Read(text, source))!;

    private static void At(DumpParseException e, string source, int line, int column, string lineText, string problem)
    {
        Assert.That(e.Source, Is.EqualTo(source));
        Assert.That(e.Line, Is.EqualTo(line), "line; message: " + e.Message);
        Assert.That(e.Column, Is.EqualTo(column), "column; message: " + e.Message);
        Assert.That(e.LineText, Is.EqualTo(lineText));
        Assert.That(e.Problem, Does.Contain(problem));
        Assert.That(e.Message, Does.StartWith(source + ":" + line + ":" + column + ": "));
    }

    [Test]
    public void Yaml_with_a_bad_indentation()
    {
        var e = Fails("apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n namespace: b\n");
        At(e, "bad.yaml", 5, 2, " namespace: b", "did not find expected key");
    }

    [Test]
    public void Yaml_with_an_unclosed_flow_sequence()
    {
        var e = Fails("apiVersion: v1\nkind: Service\nspec:\n  ports: [{port: 80}\nstatus: {}\n");
        At(e, "bad.yaml", 5, 1, "status: {}", "malformed YAML");
    }

    [Test]
    public void Json_with_a_missing_comma_after_non_ascii_text()
    {
        var e = Fails("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Service\",\n  \"metadata\": {\"name\": \"caf\u00e9\" \"namespace\": \"x\"}\n}\n", "bad.json");
        At(e, "bad.json", 4, 31, "  \"metadata\": {\"name\": \"caf\u00e9\" \"namespace\": \"x\"}", "is invalid after a value");
    }

    [Test]
    public void Json_cut_short()
    {
        var e = Fails("{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [\n  {\"apiVersion\": \"v1\"", "cut.json");
        Assert.That(e.Source, Is.EqualTo("cut.json"));
        Assert.That(e.Line, Is.EqualTo(2));
    }

    [Test]
    public void Yaml_value_of_the_wrong_type_points_at_the_value()
    {
        const string text = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: web\n    namespace: shop\n  spec:\n    ports:\n    - port: eighty\n";
        var e = Fails(text);
        At(e, "bad.yaml", 11, 13, "    - port: eighty", "cannot read Service shop/web: ");
        Assert.That(e.Problem, Does.Contain("eighty"));
    }

    [Test]
    public void Json_value_of_the_wrong_type_names_the_field()
    {
        const string text = "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [\n    {\"apiVersion\": \"v1\", \"kind\": \"Service\", \"metadata\": {\"name\": \"web\"},\n     \"spec\": {\"ports\": [{\"port\": \"eighty\"}]}}]}\n";
        var e = Fails(text, "bad.json");
        Assert.That(e.Line, Is.EqualTo(3));
        Assert.That(e.Column, Is.EqualTo(34));
        Assert.That(e.Problem, Does.StartWith("cannot read Service web: "));
        Assert.That(e.Problem, Does.EndWith("(at spec.ports[0].port)"));
    }

    [Test]
    public void Object_without_kind()
    {
        var e = Fails("apiVersion: v1\nitems: []\n---\napiVersion: v1\nmetadata: {name: x}\n");
        At(e, "bad.yaml", 1, 1, "apiVersion: v1", "the document has no kind");
    }

    [Test]
    public void List_item_without_api_version()
    {
        var e = Fails("apiVersion: v1\nkind: List\nitems:\n- kind: Service\n  metadata: {name: x}\n");
        At(e, "bad.yaml", 4, 3, "- kind: Service", "items[0] of the List has no apiVersion");
    }

    [Test]
    public void Kind_that_is_not_a_string()
    {
        var e = Fails("apiVersion: v1\nkind: [Service]\n");
        At(e, "bad.yaml", 2, 7, "kind: [Service]", "kind must be a non-empty string, not a sequence");
    }

    [Test]
    public void List_items_that_are_not_objects()
    {
        At(Fails("apiVersion: v1\nkind: List\nitems: {a: b}\n"), "bad.yaml", 3, 8, "items: {a: b}", "the items of a List must be a sequence");
        At(Fails("apiVersion: v1\nkind: List\nitems:\n- just text\n"), "bad.yaml", 4, 3, "- just text", "items[0] of the List is not a Kubernetes object");
    }

    [Test]
    public void An_iptables_dump_is_not_kubernetes_input()
    {
        // "*nat" reads as a YAML alias; the parser stops at the next line.
        var e = Fails("*nat\n:KUBE-SERVICES - [0:0]\n-A KUBE-SERVICES -j RETURN\nCOMMIT\n", "rules.txt");
        At(e, "rules.txt", 2, 1, ":KUBE-SERVICES - [0:0]", "document end");
        e = Fails("Chain KUBE-SERVICES (2 references)\n pkts bytes target\n", "listing.txt");
        At(e, "listing.txt", 1, 1, "Chain KUBE-SERVICES (2 references)", "the document is not a Kubernetes object");
    }

    [Test]
    public void A_json_array_is_not_an_object()
    {
        var e = Fails("\n  [1, 2]\n", "array.json");
        At(e, "array.json", 2, 3, "  [1, 2]", "the document is not a Kubernetes object");
    }

    [Test]
    public void Deep_nesting_is_refused_not_a_crash()
    {
        var yaml = "apiVersion: v1\nkind: ConfigMap\ndata: " + new string('[', 2000) + new string(']', 2000) + "\n";
        Assert.That(Fails(yaml).Problem, Does.Contain("nested deeper"));
        var json = "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"data\": " + new string('[', 2000) + new string(']', 2000) + "}";
        Assert.That(Fails(json, "deep.json").Line, Is.EqualTo(1));
    }

    /// <summary>Every prefix of the fixture (cut at many points) either reads or fails with a located parse error.</summary>
    [TestCaseSource(typeof(ClusterFixture), nameof(ClusterFixture.Forms))]
    public void Truncated_input_never_escapes_as_another_exception(string file)
    {
        var text = ClusterFixture.Text(file);
        var failures = new List<string>();
        for (var cut = 1; cut < text.Length; cut += 97)
        {
            try
            {
                KubernetesInput.Read(text.Substring(0, cut), file);
            }
            catch (DumpParseException e)
            {
                if (e.Line < 1 || e.Column < 1) failures.Add(cut + ": bad location " + e.Message);
            }
            catch (Exception e)
            {
                failures.Add(cut + ": " + e.GetType().Name + ": " + e.Message);
            }
        }
        Assert.That(failures, Is.Empty);
    }
}
