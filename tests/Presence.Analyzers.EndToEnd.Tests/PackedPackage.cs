using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Presence.Analyzers.EndToEnd.Tests;

/// <summary>
/// Packs the repository once per test run into a fresh folder feed, with a fresh packages folder: NuGet caches a
/// package by id and version, so reusing either would silently test an older build.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    public PackedPackage()
    {
        RepoRoot = typeof(PackedPackage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
        Root = Path.Combine(Path.GetTempPath(), "presence-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        Packages = Path.Combine(Root, "packages");
        Directory.CreateDirectory(Feed);

        // Built and restored under this run's own artifacts folder: the other test projects build the same source
        // projects (the audit fixtures reference them) at the same time, and a restore of theirs in src/*/obj
        // removed the assets file this pack was reading.
        var pack = DotNet.Run(RepoRoot, "pack", Path.Combine("src", "Presence.Analyzers.Package", "Presence.Analyzers.Package.csproj"),
            "-c", "Release", "-o", Feed, "-p:PackageVersion=" + Version, "--artifacts-path", Path.Combine(Root, "artifacts"));
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("Packing Presence.Analyzers failed: " + pack);
        }

        PackagePath = Directory.GetFiles(Feed, "Presence.Analyzers.*.nupkg").Single();
    }

    /// <summary>A version no real release will have, so that no cache anywhere can hold it.</summary>
    public string Version { get; } = "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss");

    public string RepoRoot { get; }

    public string Root { get; }

    public string Feed { get; }

    public string Packages { get; }

    public string PackagePath { get; }

    /// <summary>Writes a consumer project that references the packed package, and builds it.</summary>
    /// <param name="files">Other files beside the project file (appsettings.json…), by name.</param>
    public BuildResult BuildConsumer(string name, string source, string extraProperties = "", string extraItems = "", params (string Name, string Text)[] files)
    {
        var directory = Path.Combine(Root, name);
        Directory.CreateDirectory(directory);
        foreach (var (fileName, text) in files)
        {
            File.WriteAllText(Path.Combine(directory, fileName), text);
        }

        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="presence-e2e" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <RestorePackagesPath>{Packages}</RestorePackagesPath>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Presence.Analyzers" Version="{Version}" />
                {extraItems}
              </ItemGroup>
              <!-- Says which compiler ran, so a test can prove the one it asked for was used. -->
              <Target Name="PresenceE2EShowCompiler" BeforeTargets="CoreCompile">
                <Message Importance="high" Text="presence-e2e-compiler: $(CSharpCoreTargetsPath)" />
              </Target>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Code.cs"), source);
        return DotNet.Run(directory, "build", "-nodeReuse:false", "-p:UseSharedCompilation=false");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the folder is in the temp directory anyway.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "packed package";
}
