using System;
using System.IO;
using System.Text;
using SeedCluster;

// The main job: print the restore script the generator produced for the seed cluster at compile
// time, then the verdict against the dump captured from the node.
var dumpPath = Path.Combine(AppContext.BaseDirectory, "golden", "seed.listing.txt");
var dump = File.ReadAllText(dumpPath, new UTF8Encoding(false));

Console.Out.Write("# kube-proxy's iptables-restore input (--noflush), generated at compile time\n");
Console.Out.Write(SeedRules.RestoreScript);
Console.Out.Write("\n");

var verdict = SeedVerdict.Evaluate(SeedRules.NodeRuleSet, dump, "golden/seed.listing.txt");
Console.Out.Write("# verdict against golden/seed.listing.txt\n");
Console.Out.Write(verdict.ModelReport + "\n");
Console.Out.Write(verdict.ListingReport + "\n");
Console.Out.Write(verdict.Holds ? "VERDICT: reproduced\n" : "VERDICT: NOT reproduced\n");
return verdict.Holds ? 0 : 1;
