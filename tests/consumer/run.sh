#!/usr/bin/env bash
# Consumer test: what a user downloads works.
#
# Packs StanceRules and StanceRules.Extensions.DependencyInjection into a local folder, checks
# what the packages hold, creates a fresh console project outside the repository that
# references them as packages (not projects), makes the README's first C# example its
# Program.cs, runs it against the seed facts and checks its output.
#
# Isolation: a NuGet.config of its own (<clear/>; the local folder for StanceRules*, nuget.org
# for everything else, by package source mapping), a throwaway global packages folder (so no
# cached copy can stand in for the package just built) and a version no other build has used.
#
# Usage: tests/consumer/run.sh [--keep]   (--keep leaves the temporary folder for inspection)
# Prints "consumer test: passed (Ns)" and exits 0, or says what failed and exits 1.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
start=$SECONDS
work=$(mktemp -d "${TMPDIR:-/tmp}/stance-consumer.XXXXXX")
if [ "${1:-}" = "--keep" ]; then echo "consumer test: working in $work"; else trap 'rm -rf "$work"' EXIT; fi
fail() { echo "consumer test: FAILED: $*" >&2; exit 1; }
zip_list() { python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$1"; }
zip_read() { python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())' "$1" "$2"; }

version="0.1.0-consumer.$(date -u +%Y%m%d%H%M%S).$$"
feed="$work/feed"
app="$work/app"
mkdir -p "$feed" "$app"

# 1. Pack, as a release would.
for project in src/StanceRules src/StanceRules.Extensions.DependencyInjection; do
  dotnet pack "$root/$project" -c Release -o "$feed" -p:Version="$version" --nologo -v:q >"$work/pack.log" 2>&1 \
    || { cat "$work/pack.log" >&2; fail "dotnet pack $project"; }
done

# 2. What the package holds.
nupkg="$feed/StanceRules.$version.nupkg"
[ -f "$nupkg" ] || fail "no $nupkg"
snupkg="$feed/StanceRules.$version.snupkg"
[ -f "$snupkg" ] || fail "no symbols package StanceRules.$version.snupkg"
symbols=$(zip_list "$snupkg")
for entry in lib/net8.0/StanceRules.pdb lib/net10.0/StanceRules.pdb; do
  grep -qx "$entry" <<<"$symbols" || fail "the symbols package has no $entry"
done
[ -f "$feed/StanceRules.Extensions.DependencyInjection.$version.nupkg" ] || fail "no StanceRules.Extensions.DependencyInjection package"
contents=$(zip_list "$nupkg")
for entry in README.md lib/net8.0/StanceRules.dll lib/net8.0/StanceRules.xml lib/net10.0/StanceRules.dll lib/net10.0/StanceRules.xml; do
  grep -qx "$entry" <<<"$contents" || fail "the package has no $entry"
done
nuspec=$(zip_read "$nupkg" StanceRules.nuspec)
grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || fail "no MIT licence expression in the nuspec"
grep -q '<repository type="git" url="https://' <<<"$nuspec" || fail "no repository metadata in the nuspec"
grep -q '<readme>README.md</readme>' <<<"$nuspec" || fail "no readme in the nuspec"
deps=$(grep -o '<dependency id="[^"]*"' <<<"$nuspec" | sed 's/.*id="//; s/"//' | sort -u | tr '\n' ' ')
[ "$deps" = "NRules YamlDotNet " ] || fail "StanceRules depends on '$deps', not exactly NRules and YamlDotNet"

# 3. A fresh console project, outside the repository, with the README's example as Program.cs.
echo '<Project />' >"$work/Directory.Build.props"      # nothing above the app is imported
echo '<Project />' >"$work/Directory.Build.targets"
cat >"$work/NuGet.Config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="StanceRules*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
cat >"$app/consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="StanceRules" Version="$version" />
    <PackageReference Include="StanceRules.Extensions.DependencyInjection" Version="$version" />
  </ItemGroup>
</Project>
XML
awk '/^```csharp[[:space:]]*$/ { inside = 1; next } /^```/ { if (inside) exit } inside' "$root/README.md" >"$app/Program.cs"
grep -q "StanceEngine" "$app/Program.cs" || fail "no \`\`\`csharp block with StanceEngine in README.md"

export NUGET_PACKAGES="$work/packages"
dotnet restore "$app" --configfile "$work/NuGet.Config" -v:q >"$work/restore.log" 2>&1 \
  || { cat "$work/restore.log" >&2; fail "restore of the consumer project"; }
[ -d "$NUGET_PACKAGES/stancerules/$version" ] || fail "StanceRules $version was not restored from the local folder"
dotnet build "$app" -c Release --no-restore -v:q --nologo >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; fail "build of the consumer project (the README's example)"; }

# 4. Run it from the repository root, where the README's relative seed path points.
output=$(cd "$root" && dotnet "$app/bin/Release/net10.0/consumer.dll") || { echo "$output" >&2; fail "the README example exited non-zero"; }
# Every line of the output the README shows after the example (its ```text block, less "..."),
# and the line the README's story is about.
expected=$(awk '/^```csharp[[:space:]]*$/ { seen = 1 } seen && /^```text[[:space:]]*$/ { inside = 1; next } inside && /^```/ { exit } inside && $0 != "..."' "$root/README.md")
[ -n "$expected" ] || fail "no \`\`\`text block after the README's example"
while IFS= read -r line; do
  grep -qxF "$line" <<<"$output" || { echo "$output" >&2; fail "the output has no line '$line' (README.md shows it)"; }
done <<<"$expected
UKR china-peace-plan rejects 0.85"

echo "consumer test: passed ($((SECONDS - start))s; StanceRules $version from $feed)"
