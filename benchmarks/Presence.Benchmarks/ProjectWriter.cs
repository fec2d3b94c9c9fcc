using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Presence.Benchmarks;

/// <summary>
/// Writes a generated codebase as a project on disk that references Presence from this repository (as the samples
/// do), so that a real <c>dotnet build</c> and <c>presence audit</c> of it can be timed side by side.
/// </summary>
internal static class ProjectWriter
{
    public static string Write(Codebase codebase, string directory)
    {
        var root = Path.GetFullPath(directory);
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new InvalidOperationException($"{root} is not empty: give --write a new folder.");
        }

        Directory.CreateDirectory(root);
        foreach (var file in codebase.Files)
        {
            var path = Path.Combine(root, "src", file.Path.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }

        var repo = RepoRoot();
        var project = Path.Combine(root, "Codebase.csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{repo}/build/Presence.Analyzers.props" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <NoWarn>$(NoWarn);CS1998;CS0162;CS8618;CS8602;CS8604</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Telegram.Bot" Version="22.10.3.3" />
                <PackageReference Include="Microsoft.Extensions.Hosting.Abstractions" Version="10.0.0" />
                <PackageReference Include="Quartz" Version="4.7.3" />
              </ItemGroup>
              <ItemGroup>
                <ProjectReference Include="{repo}/src/Presence.Abstractions/Presence.Abstractions.csproj" />
                <ProjectReference Include="{repo}/src/Presence.Analyzers/Presence.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                <ProjectReference Include="{repo}/src/Presence.Generators/Presence.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
              <Import Project="{repo}/build/Presence.Analyzers.targets" />
            </Project>
            """);
        return project;
    }

    // The repository the benchmark was built from: the folder above it that holds the solution.
    private static string RepoRoot()
    {
        for (var folder = new DirectoryInfo(Path.GetDirectoryName(Assembly.GetExecutingAssembly().Location)!); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Presence.Analyzers.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Presence.Analyzers.sln not found above the benchmark: run it from the repository.");
    }
}
