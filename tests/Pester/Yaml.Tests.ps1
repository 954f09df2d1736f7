#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# ConvertFrom-KubeYaml and ConvertTo-KubeYaml need no cluster.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    $manifest = @'
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  port: "8080"
---
apiVersion: example.com/v1
kind: Widget
metadata:
  name: gizmo
spec:
  size: 3
'@
}

Describe 'ConvertFrom-KubeYaml / ConvertTo-KubeYaml' {
    It 'reads each document into an object of its kind' {
        $objects = $manifest | ConvertFrom-KubeYaml
        $objects.Count | Should -Be 2
        $objects[0].Kind | Should -Be 'ConfigMap'
        $objects[0].Data['port'] | Should -Be '8080'
        $objects[1].Name | Should -Be 'gizmo'
    }

    It 'joins lines piped one by one' {
        $objects = $manifest -split "`n" | ConvertFrom-KubeYaml
        $objects.Count | Should -Be 2
    }

    It 'writes them back as one manifest' {
        $yaml = $manifest | ConvertFrom-KubeYaml | ConvertTo-KubeYaml
        $yaml | Should -Match 'port: "8080"'
        $yaml | Should -Match '(?m)^---$'
    }

    It 'reports bad YAML as InvalidKubeYaml' {
        "kind: [broken" | ConvertFrom-KubeYaml -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'InvalidKubeYaml*'
    }
}
