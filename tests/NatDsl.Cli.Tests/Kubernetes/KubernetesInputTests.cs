using System.Linq;
using NatDsl.Cli.Kubernetes;
using NUnit.Framework;

namespace NatDsl.Cli.Tests.Kubernetes;

/// <summary>Finding objects in kubectl's output forms, and skipping kinds kube-proxy does not read.</summary>
public class KubernetesInputTests
{
    [TestCaseSource(typeof(ClusterFixture), nameof(ClusterFixture.Forms))]
    public void Every_form_holds_the_fixture_objects(string file)
    {
        var objects = ClusterFixture.Read(file);
        Assert.That(objects.Services.Select(s => s.Value.Metadata.Name).ToArray(), Is.EqualTo(new[]
        {
            "external-db", "kubernetes", "ingress-nginx-controller", "kube-dns", "node-exporter",
            "api", "cart", "cart-headless", "checkout", "frontend", "gateway",
        }));
        Assert.That(objects.EndpointSlices.Count, Is.EqualTo(12));
        Assert.That(objects.Endpoints, Is.Empty);
        Assert.That(objects.Skipped, Is.Empty);
        var frontend = objects.EndpointSlices.Single(s => s.Value.Metadata.Name == "frontend-7x2kq").Value;
        Assert.That(frontend.Endpoints[3].Conditions.Terminating, Is.True);
        Assert.That(frontend.Endpoints[3].Conditions.Serving, Is.True);
        Assert.That(frontend.Endpoints[3].Conditions.Ready, Is.False);
    }

    [TestCase(ClusterFixture.ListYaml, 3, 3, 17, 3)]
    [TestCase(ClusterFixture.ListJson, 4, 9, 23, 9)]
    [TestCase(ClusterFixture.MultiYaml, 1, 1, 16, 1)]
    public void Objects_carry_where_they_start(string file, int line1, int column1, int line2, int column2)
    {
        var services = ClusterFixture.Read(file).Services;
        Assert.That(services[0].Location, Is.EqualTo(new SourceLocation(file, line1, column1)));
        Assert.That(services[1].Location, Is.EqualTo(new SourceLocation(file, line2, column2)));
    }

    [Test]
    public void Kinds_and_api_versions_kube_proxy_does_not_read_are_skipped_with_reasons()
    {
        const string text = @"apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: settings, namespace: shop}
- apiVersion: serving.knative.dev/v1
  kind: Service
  metadata: {name: hello, namespace: shop}
- apiVersion: discovery.k8s.io/v1beta1
  kind: EndpointSlice
  metadata: {name: old-abcde, namespace: shop}
- apiVersion: apps/v1
  kind: DeploymentList
  metadata: {}
- apiVersion: v1
  kind: Namespace
  metadata: {name: shop}
";
        var objects = KubernetesInput.Read(text, "mixed.yaml");
        Assert.That(objects.Services, Is.Empty);
        Assert.That(objects.EndpointSlices, Is.Empty);
        Assert.That(objects.Skipped.Select(s => s.ToString()).ToArray(), Is.EqualTo(new[]
        {
            "mixed.yaml:4:3: ConfigMap shop/settings: kube-proxy does not read ConfigMap objects",
            "mixed.yaml:7:3: Service shop/hello: apiVersion serving.knative.dev/v1 is not kube-proxy's v1 Service",
            "mixed.yaml:10:3: EndpointSlice shop/old-abcde: apiVersion discovery.k8s.io/v1beta1 is not read (it names nodes by topology labels); export discovery.k8s.io/v1 EndpointSlices",
            "mixed.yaml:13:3: DeploymentList: kube-proxy does not read a DeploymentList without items",
            "mixed.yaml:16:3: Namespace shop: kube-proxy does not read Namespace objects",
        }));
    }

    [Test]
    public void Typed_lists_nested_lists_empty_documents_and_single_objects()
    {
        const string text = @"---
# a comment-only document
---
apiVersion: v1
kind: ServiceList
items:
- apiVersion: v1
  kind: Service
  metadata: {name: a, namespace: x}
  spec: {clusterIP: 10.0.0.1, ports: [{port: 80}]}
- apiVersion: v1
  kind: List
  items:
  - apiVersion: v1
    kind: Service
    metadata: {name: b, namespace: x}
    spec: {clusterIP: 10.0.0.2, ports: [{port: 81}]}
---
apiVersion: v1
kind: List
items: []
---
apiVersion: v1
kind: List
items:
---
apiVersion: v1
kind: Service
metadata:
  name: c
  namespace: x
spec:
  clusterIP: 10.0.0.3
  ports:
  - port: 82
...
";
        var objects = KubernetesInput.Read(text, "lists.yaml");
        Assert.That(objects.Services.Select(s => s.Value.Metadata.Name + "@" + s.Location.Line).ToArray(), Is.EqualTo(new[] { "a@7", "b@14", "c@27" }));
        Assert.That(objects.Services.Select(s => s.Value.Spec.Ports[0].Port).ToArray(), Is.EqualTo(new[] { 80, 81, 82 }));
        Assert.That(objects.Skipped, Is.Empty);
    }

    [Test]
    public void Json_values_one_after_another_and_a_single_object()
    {
        const string text = "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"a\",\"namespace\":\"x\"},\"spec\":{\"clusterIP\":\"10.0.0.1\",\"ports\":[{\"port\":80}]}}\n"
            + "{\"apiVersion\":\"discovery.k8s.io/v1\",\"kind\":\"EndpointSlice\",\"metadata\":{\"name\":\"a-1\",\"namespace\":\"x\",\"labels\":{\"kubernetes.io/service-name\":\"a\"}},"
            + "\"addressType\":\"IPv4\",\"endpoints\":[{\"addresses\":[\"10.1.0.1\"]}],\"ports\":[{\"name\":\"\",\"port\":8080}]}\n";
        var objects = KubernetesInput.Read(text, "jq.json");
        Assert.That(objects.Services.Single().Location, Is.EqualTo(new SourceLocation("jq.json", 1, 1)));
        Assert.That(objects.EndpointSlices.Single().Location, Is.EqualTo(new SourceLocation("jq.json", 2, 1)));
        Assert.That(objects.EndpointSlices.Single().Value.Endpoints[0].Addresses[0], Is.EqualTo("10.1.0.1"));
    }

    [Test]
    public void Non_ascii_text_before_an_object_does_not_shift_its_text()
    {
        const string text = "apiVersion: v1\nkind: List\nitems:\n"
            + "- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: \"caf\u00e9 \U0001F600\", annotations: {note: \"\U0001F600\U0001F600 \u00e9\"}}\n"
            + "- apiVersion: v1\n  kind: Service\n  metadata: {name: s, namespace: \"n\u00e9\"}\n  spec: {clusterIP: 10.0.0.1, ports: [{port: 80}]}\n";
        var objects = KubernetesInput.Read(text, "utf.yaml");
        Assert.That(objects.Services.Single().Value.Metadata.NamespaceProperty, Is.EqualTo("n\u00e9"));
        Assert.That(objects.Services.Single().Location, Is.EqualTo(new SourceLocation("utf.yaml", 7, 3)));
        Assert.That(objects.Skipped.Single().Name, Is.EqualTo("caf\u00e9 \U0001F600"));
    }

    [Test]
    public void Byte_order_mark_and_crlf_line_ends_are_accepted()
    {
        var text = "\uFEFF" + ClusterFixture.Text(ClusterFixture.ListYaml).Replace("\n", "\r\n");
        var objects = KubernetesInput.Read(text, "crlf.yaml");
        Assert.That(objects.Services.Count, Is.EqualTo(11));
        Assert.That(objects.Services[1].Location, Is.EqualTo(new SourceLocation("crlf.yaml", 17, 3)));
        Assert.That(KubernetesSpecBuilder.Build(objects, ClusterFixture.NodeA()).Spec,
            Is.EqualTo(ClusterFixture.Build(ClusterFixture.ListYaml, ClusterFixture.NodeA()).Spec));
    }

    [Test]
    public void Inputs_concatenate_in_order()
    {
        var services = KubernetesInput.Read(ClusterFixture.Text(ClusterFixture.ListYaml), "a.yaml");
        var none = KubernetesInput.Read("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n", "b.yaml");
        var all = services.Concat(none);
        Assert.That(all.Services.Count, Is.EqualTo(11));
        Assert.That(all.EndpointSlices.Count, Is.EqualTo(12));
        Assert.That(all.Skipped.Single().Location.Source, Is.EqualTo("b.yaml"));
    }

    [Test]
    public void Empty_input_has_no_objects()
    {
        Assert.That(KubernetesInput.Read(string.Empty, "empty").Services, Is.Empty);
        Assert.That(KubernetesInput.Read("  \n# nothing\n", "empty").Skipped, Is.Empty);
    }
}
