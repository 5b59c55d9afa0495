package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

// httpFloor sends a phase's requests with workers goroutines and nothing else: no Terraform, no
// framework, no provider. Each job (one conversation's requests) runs in order on one worker, as
// the provider runs them in one resource operation. The transport keeps a connection per worker
// alive, which is the best HTTP/1.1 can do.
func httpFloor(ctx context.Context, baseURL, token string, jobs [][]httpRequest, workers int) (time.Duration, error) {
	client := &http.Client{Transport: &http.Transport{
		MaxIdleConns:        workers,
		MaxIdleConnsPerHost: workers,
		IdleConnTimeout:     30 * time.Second,
	}}
	defer client.CloseIdleConnections()

	queue := make(chan []httpRequest)
	var (
		wg       sync.WaitGroup
		errOnce  sync.Once
		firstErr error
	)
	start := time.Now()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for job := range queue {
				for _, r := range job {
					if err := send(ctx, client, baseURL, token, r); err != nil {
						errOnce.Do(func() { firstErr = err })
					}
				}
			}
		}()
	}
	for _, job := range jobs {
		queue <- job
	}
	close(queue)
	wg.Wait()
	return time.Since(start), firstErr
}

func send(ctx context.Context, client *http.Client, baseURL, token string, r httpRequest) error {
	var body io.Reader
	if r.body != nil {
		body = bytes.NewReader(r.body)
	}
	req, err := http.NewRequestWithContext(ctx, r.method, baseURL+r.path, body)
	if err != nil {
		return err
	}
	req.Header.Set("Api-Access-Token", token)
	req.Header.Set("Accept", "application/json")
	if r.body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("%s %s: HTTP %d", r.method, r.path, resp.StatusCode)
	}
	return nil
}
